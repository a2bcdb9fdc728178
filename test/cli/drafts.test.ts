/**
 * `satchel drafts` against a real satcheld (its own bus and store, no
 * beacon): drafts saved by an activity over D-Bus are listed for people and
 * for scripts, the text only when asked for, and they are still listed after
 * satcheld restarts.
 */
import t, { type Test } from 'tap';
import { generateKeyPair, keyIdHex } from '../../daemon/crypto/keys.js';
import { openStore } from '../../daemon/store/store.js';
import { seededRandom } from '../../daemon/util/random.js';
import { pyCall } from '../service/fixtures/clients.js';
import { json, on, type CliRun } from './fixtures/cli.js';
import { TestDaemon } from './fixtures/daemon.js';

const DR = 'org.satchel.Satchel1.Drafts';
const NOBODY = '0123456789abcdef';

interface Drafts {
  count: number;
  drafts: { id: string; contact_id: string; display_name: string; bytes: number; created_ms: number; updated_ms: number; text?: string }[];
}

function exits(t: Test, r: CliRun, code: number, what: string): void {
  t.equal(r.code, code, `${what} exits ${code}${r.code === code ? '' : `\nstdout: ${r.stdout}\nstderr: ${r.stderr}`}`);
}

/** satcheld adds contacts only for people it has met; a test puts one in its stopped store. */
async function addContact(stateDir: string, seed: number, name: string): Promise<string> {
  const key = generateKeyPair(seededRandom(seed)).publicKey;
  const id = keyIdHex(key);
  const store = openStore({ path: stateDir });
  store.transact(() => store.contacts.put(id, { id, userKey: key, displayName: name, addedMs: Date.now() }));
  // lmdb-js 3.5's close() blocks the thread for good when called in the same
  // tick as a transactionSync; one turn of the event loop is enough.
  await new Promise((resolve) => setImmediate(resolve));
  await store.close();
  return id;
}

t.test('satchel drafts lists what activities saved, and keeps the text private', async (t) => {
  const d = await TestDaemon.start(t);
  const cli = on(d.address);
  const none = await cli(['drafts']);
  exits(t, none, 0, 'drafts with none');
  t.equal(none.stdout, 'no drafts\n');
  t.same(json(await cli(['drafts', '--json'])), { count: 0, drafts: [] });

  await d.stop();
  const bilal = await addContact(d.stateDir, 21, 'Bilal');
  const chiara = await addContact(d.stateDir, 22, 'Chiara');
  await d.start();

  const save = async (to: string, text: string): Promise<string> => {
    const r = await pyCall(d.address, DR, 'SaveDraft', [to, text]);
    if (typeof r.ok !== 'string') throw new Error(`SaveDraft failed: ${JSON.stringify(r)}`);
    return r.ok;
  };
  const first = await save(bilal, 'the well by the school\nis dry');
  const second = await save(chiara, 'bring two 🪣');
  const third = await save(bilal, '');

  const r = await cli(['drafts', '--json']);
  exits(t, r, 0, 'drafts --json');
  const v = json<Drafts>(r);
  t.equal(v.count, 3);
  t.same(v.drafts.map((x) => [x.id, x.contact_id, x.display_name, x.bytes]), [
    [first, bilal, 'Bilal', 29], [second, chiara, 'Chiara', 14], [third, bilal, 'Bilal', 0],
  ], 'oldest first, sizes in bytes');
  t.ok(v.drafts.every((x) => x.text === undefined), 'no text without --show-text');
  t.ok(v.drafts.every((x) => Math.abs(Date.now() - x.created_ms) < 60_000 && x.updated_ms === x.created_ms));
  t.notMatch(r.stdout, /well|bring/, 'the words appear nowhere');

  const human = await cli(['drafts']);
  exits(t, human, 0, 'drafts');
  t.match(human.stdout, /^3 drafts\nDRAFT ID +TO +SIZE +STARTED +CHANGED\n/);
  t.match(human.stdout, new RegExp(`^${first} +Bilal \\(${bilal}\\) +29 B +(just now|\\d+ s ago) +(just now|\\d+ s ago)$`, 'm'));
  t.notMatch(human.stdout, /well|bring|TEXT/);

  const shown = json<Drafts>(await cli(['drafts', '--show-text', '--json']));
  t.same(shown.drafts.map((x) => x.text), ['the well by the school\nis dry', 'bring two 🪣', '']);
  const shownHuman = await cli(['drafts', '--show-text']);
  t.match(shownHuman.stdout, /^DRAFT ID +TO +SIZE +STARTED +CHANGED +TEXT$/m);
  t.match(shownHuman.stdout, / the well by the school is dry$/m, 'one line per draft');

  const forBilal = json<Drafts>(await cli(['drafts', '--for', bilal.toUpperCase(), '--json']));
  t.same(forBilal.drafts.map((x) => x.id), [first, third]);

  await d.stop();
  await d.start();
  t.same(json<Drafts>(await cli(['drafts', '--json'])), v, 'the same after satcheld restarts');
});

t.test('satchel drafts: bad usage exits 2, someone unknown exits 4', async (t) => {
  const d = await TestDaemon.start(t);
  const cli = on(d.address);
  const cases: [string[], number, RegExp][] = [
    [['drafts', '--for', 'nothex'], 2, /--for must be 16 hex digits/],
    [['drafts', '--for'], 2, /--for/],
    [['drafts', 'extra'], 2, /usage: satchel drafts/],
    [['drafts', '--for', NOBODY], 4, /no contact/],
  ];
  for (const [args, code, message] of cases) {
    const r = await cli(args);
    exits(t, r, code, args.join(' '));
    t.match(r.stderr, message, `says why: ${args.join(' ')}`);
    t.equal(r.stdout, '');
  }
  const unknown = await cli(['drafts', '--for', NOBODY, '--json']);
  t.match(json(unknown), { error: { exit_code: 4, kind: 'not_found', dbus_error: 'org.satchel.Satchel1.Error.UnknownContact' } });
  const help = await cli(['drafts', '--help']);
  t.match(help.stdout, /^usage: satchel drafts \[--for USER_ID\] \[--show-text\]/);
});
