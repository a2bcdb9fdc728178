/**
 * `satchel contacts` and `satchel requests` against a real satcheld (its own
 * bus and store, no beacon). What only the network makes (a request, a
 * contact) is put into the stopped daemon's store, in the records satcheld
 * itself writes; the commands then run against the started daemon.
 */
import t, { type Test } from 'tap';
import { generateKeyPair, keyIdHex } from '../../daemon/crypto/keys.js';
import { openStore } from '../../daemon/store/store.js';
import { seededRandom } from '../../daemon/util/random.js';
import { VERIFICATION_CODE_PATTERN } from '../../daemon/messenger/verification-code.js';
import { json, on, type CliRun } from './fixtures/cli.js';
import { TestDaemon } from './fixtures/daemon.js';

const NOBODY = '0123456789abcdef';

function exits(t: Test, r: CliRun, code: number, what: string): void {
  t.equal(r.code, code, `${what} exits ${code}${r.code === code ? '' : `\nstdout: ${r.stdout}\nstderr: ${r.stderr}`}`);
}

async function seed(stateDir: string): Promise<{ bilal: string; dina: string; eme: string; msg: string }> {
  const key = (n: number): Uint8Array => generateKeyPair(seededRandom(n)).publicKey;
  const [kb, kd, ke] = [key(31), key(32), key(33)];
  const [bilal, dina, eme] = [keyIdHex(kb), keyIdHex(kd), keyIdHex(ke)];
  const msg = 'ab'.repeat(16);
  const now = Date.now();
  const store = openStore({ path: stateDir });
  store.transact(() => {
    store.contacts.put(bilal, { id: bilal, userKey: kb, displayName: 'Bilal', addedMs: now });
    store.contacts.put(eme, { id: eme, userKey: ke, displayName: 'Eme', addedMs: now, pending: true, origin: 'backup' });
    store.requests.put(dina, { id: dina, userKey: kd, displayName: 'Dina', firstMs: now, lastMs: now, messages: 1 });
    store.messages.put(msg, { id: msg, contactId: dina, direction: 'in', text: 'hello, new here', state: 'delivered', reason: '', timeMs: now, updatedMs: now, request: true });
    store.requestMessages.put([dina, now, msg], true);
  });
  await new Promise((resolve) => setImmediate(resolve));
  await store.close();
  return { bilal, dina, eme, msg };
}

t.test('contacts with their trust, pending ones, verification, requests and the block list', async (t) => {
  const d = await TestDaemon.start(t);
  await d.stop();
  const { bilal, dina, eme, msg } = await seed(d.stateDir);
  await d.start();
  const cli = on(d.address);

  const list = await cli(['contacts']);
  exits(t, list, 0, 'contacts');
  t.match(list.stdout, new RegExp(`^1 contact\\nNAME +USER ID +FINGERPRINT +TRUST +FAILED CHECKS +ADDED\\nBilal +${bilal} +\\S+ +ADDED +0 +`));
  t.notMatch(list.stdout, /Eme/, 'a pending contact is not in the list');
  const pending = await cli(['contacts', 'pending', '--json']);
  t.match(json(pending), { count: 1, pending: true, contacts: [{ id: eme, trust: 'pending', origin: 'backup' }] });
  t.match((await cli(['contacts', 'pending'])).stdout, /PENDING +backup/);

  const shown = await cli(['contacts', 'verify', bilal]);
  exits(t, shown, 0, 'contacts verify');
  const code = /\n {4}([\d ]+)\n/.exec(shown.stdout)?.[1] ?? '';
  t.match(code, VERIFICATION_CODE_PATTERN, 'the code is shown');
  t.match(json(await cli(['contacts', 'verify', bilal, '--json'])), { id: bilal, code });
  const differs = await cli(['contacts', 'verify', bilal, '--differs']);
  exits(t, differs, 1, 'codes that differ are a problem found');
  t.match(differs.stdout, /NOT verified \(failed checks: 1\)/);
  const matches = await cli(['contacts', 'verify', bilal, '--matches', '--json']);
  exits(t, matches, 0, '--matches');
  t.match(json(matches), { result: 'verified', contact: { id: bilal, trust: 'verified', failed_checks: 1 } });
  t.match((await cli(['contacts'])).stdout, new RegExp(`Bilal +${bilal} +\\S+ +verified +1 `), 'shown in lower case once verified; capitals flag what is not');

  exits(t, await cli(['contacts', 'confirm', eme]), 0, 'confirm');
  t.match(json(await cli(['contacts', '--json'])), { count: 2 });

  const reqs = await cli(['requests']);
  exits(t, reqs, 0, 'requests');
  t.match(reqs.stdout, new RegExp(`^1 request from people who are not contacts \\(unverified\\)\\nNAME .*\\nDina +${dina} +\\S+ +NEARBY +1 `));
  const held = json<{ messages: { id: string; text?: string }[] }>(await cli(['requests', 'show', dina, '--json']));
  t.same(held.messages.map((m) => [m.id, m.text]), [[msg, undefined]], 'no text unless asked');
  t.match((await cli(['requests', 'show', dina, '--show-text'])).stdout, /hello, new here/);
  exits(t, await cli(['requests', 'block', dina]), 0, 'block');
  t.match(json(await cli(['requests', 'blocked', '--json'])), { count: 1, blocked: [{ id: dina, display_name: 'Dina' }] });
  t.match(json(await cli(['requests', '--json'])), { count: 0, requests: [] });
  exits(t, await cli(['requests', 'unblock', dina]), 0, 'unblock');
  t.equal((await cli(['requests', 'blocked'])).stdout, 'nobody is blocked\n');

  for (const [args, code2] of [
    [['requests', 'accept', dina], 4], [['requests', 'ignore', NOBODY], 4], [['requests', 'unblock', NOBODY], 4],
    [['contacts', 'confirm', bilal], 4], [['contacts', 'verify', NOBODY], 4],
    [['contacts', 'verify', bilal, '--matches', '--differs'], 2], [['contacts', '--matches'], 2], [['contacts', 'verify'], 2],
    [['contacts', 'verify', 'xyz'], 2], [['requests', 'frob', dina], 2], [['requests', 'blocked', dina], 2], [['requests', '--show-text'], 2],
  ] as [string[], number][]) {
    exits(t, await cli(args), code2, args.join(' '));
  }
  t.match(json(await cli(['contacts', '--json'])).contacts, [{ id: bilal, trust: 'verified' }, { id: eme, trust: 'added' }], 'no failed command changed anything');
});
