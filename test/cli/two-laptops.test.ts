/**
 * Two laptops (network namespaces on one veth link, a real satcheld each):
 * satchel shows the neighbour and its source, adds contacts, sends and
 * follows a message to delivery, traces it hop by hop, lists the inbox
 * without text unless asked, explains the outbox, purges, exports a bundle
 * that carries no message text and no key bytes, and inspects the stopped
 * daemon's store without changing a byte of it.
 */
import t from 'tap';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../daemon/store/store.js';
import { e2eUnavailable, twoLaptops } from '../e2e/fixtures/laptop.js';
import { waitFor } from '../e2e/fixtures/wait.js';
import { json, on, satchel } from './fixtures/cli.js';
import { fieldScript, satchelOnPath } from './fixtures/field.js';

const TEXT_AB = 'the well by the school is dry';
const TEXT_BA = 'bring two buckets tomorrow';
const TEXT_LATER = 'meet at the market at noon';
const TEXT_KEPT = 'this one waits for you';
const MEET_WAIT_MS = 30_000;

interface Neighbours { count: number; neighbours: { id: string; source: string; sources: string[]; since_ms: number; is_contact: boolean }[] }
interface Inbox { count: number; unread: number; messages: { id: string; contact_id: string; bytes: number; text?: string }[] }
interface Outbox { count: number; entries: { id: string; kind: string; state: string; reason: string; contact_id: string }[] }
interface Trace { id: string; state: string; direction: string; events: { event: string; detail: string; time_ms: number }[] }

const why = e2eUnavailable();
if (why) t.plan(0, why);
else await main();

/** Every file of a directory: content hash and mtime, to prove nothing changed. */
async function fingerprintDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const st = await stat(path);
    out[name] = `${createHash('sha256').update(await readFile(path)).digest('hex')} mtime=${st.mtimeMs} size=${st.size}`;
  }
  return out;
}

async function main(): Promise<void> {
  const { a, b } = await twoLaptops(t);
  await Promise.all([a.start(), b.start()]);
  const A = on(a.address);
  const B = on(b.address);
  const idOf = async (cli: typeof A): Promise<string> => json<{ identity: { id: string } }>(await cli(['status', '--json'])).identity.id;
  const [aId, bId] = await Promise.all([idOf(A), idOf(B)]);
  const ids: Record<string, string> = {};
  const bin = await satchelOnPath(t);

  await t.test('neighbours: who, since when, and how the session began', async (t) => {
    const seen = await waitFor(async () => {
      const n = json<Neighbours>(await A(['neighbours', '--json']));
      // Listed once B's session is up; heard by beacon once one of its beacons has reached A.
      return n.neighbours.find((x) => x.id === bId && x.sources.includes('beacon')) ? n : undefined;
    }, 'A to list B as a neighbour heard by beacon', MEET_WAIT_MS, () => a.logTail());
    t.match(seen, { count: 1, neighbours: [{ id: bId, display_name: 'satchel user', fingerprint: /^[0-9A-Z-]{19}$/, node_id: /^[0-9a-f]{16}$/, address: /:\d+$/, since_ms: Number, is_contact: false, source: 'beacon', sources: ['beacon'], last_seen_ms: Number }] });
    t.ok(Math.abs(Date.now() - (seen.neighbours[0]?.since_ms ?? 0)) < MEET_WAIT_MS, 'since_ms is recent');
    const human = await A(['neighbours']);
    t.equal(human.code, 0);
    t.match(human.stdout, /^1 laptop near\nNAME +USER ID +FINGERPRINT +CONTACT +NEAR SINCE +VIA +HEARD +ADDRESS +NODE\n/);
    t.match(human.stdout, new RegExp(`^satchel user +${bId} +\\S+ +no +(just now|\\d+ s ago) +beacon +(just now|\\d+ s ago) +\\S+:\\d+ +[0-9a-f]{16}$`, 'm'));
    await waitFor(async () => json<Neighbours>(await B(['neighbours', '--json'])).count === 1, 'B to list A', MEET_WAIT_MS);
    const room = await fieldScript(bin, 'check-classroom.sh', ['-b', a.address]);
    t.equal(room.code, 0, room.stderr);
    t.match(room.stdout, /^laptops near: 1 \(satchel user\)\noutbox: empty /);
  });

  await t.test('contacts add, on both sides', async (t) => {
    const r = await A(['contacts', 'add', bId, '--json']);
    t.equal(r.code, 0, r.stderr);
    t.match(json(r), { contact: { id: bId, display_name: 'satchel user', fingerprint: String, verified: false, added_ms: Number } });
    t.match((await B(['contacts', 'add', aId.toUpperCase()])).stdout, `added satchel user (${aId})`);
    const list = await A(['contacts']);
    t.match(list.stdout, new RegExp(`^1 contact\\nNAME +USER ID +FINGERPRINT +TRUST +FAILED CHECKS +ADDED\\nsatchel user +${bId} +\\S+ +ADDED +0 +`));
  });

  await t.test('send --wait follows the message to delivery; trace shows every hop', async (t) => {
    const r = await A(['send', bId, TEXT_AB, '--wait', '--timeout', '30', '--json']);
    t.equal(r.code, 0, r.stderr);
    const sent = json<{ id: string; contact_id: string; state: string; reason: string; waited_ms: number }>(r);
    t.match(sent, { id: /^[0-9a-f]{32}$/, contact_id: bId, state: /^(delivered|read)$/, reason: '' });
    t.equal(r.stderr, '', 'no progress on a stderr that is not a terminal');
    ids['ab'] = sent.id;
    const tr = await A(['trace', sent.id, '--json']);
    t.equal(tr.code, 0);
    const v = json<Trace>(tr);
    t.match(v, { id: sent.id, direction: 'out', contact_id: bId, display_name: 'satchel user', state: 'delivered', reason: '' });
    t.same(v.events.map((e) => e.event), ['queued', 'handed_over', 'delivered']);
    t.match(v.events[1]?.detail, /stored by node [0-9a-f]{16} \(satchel user\) at /);
    const human = await A(['trace', sent.id]);
    t.match(human.stdout, new RegExp(`^message ${sent.id} to satchel user \\(${bId}\\): delivered\\nTIME +AGO +EVENT +DETAIL\\n`));
    t.match(human.stdout, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +(just now|\d+ s ago) +handed_over +stored by node/m);
    t.notMatch(human.stdout, TEXT_AB, 'trace never shows the text');
    const plain = await A(['send', bId, TEXT_LATER.toUpperCase()]);
    t.match(plain.stdout, /^queued [0-9a-f]{32} for [0-9a-f]{16}; it is in the outbox until the recipient or a carrier is met\n$/);
  });

  await t.test('inbox: who and when, the text only with --show-text', async (t) => {
    const r = await B(['send', aId, '-'], { input: `${TEXT_BA}\n` });
    t.equal(r.code, 0, r.stderr);
    ids['ba'] = r.stdout.split(' ')[1] ?? '';
    const inbox = await waitFor(async () => {
      const v = json<Inbox>(await A(['inbox', '--json']));
      return v.messages.some((m) => m.id === ids['ba']) ? v : undefined;
    }, 'A to receive B\'s message', MEET_WAIT_MS, () => a.logTail());
    t.match(inbox, { count: 1, unread: 1, messages: [{ id: ids['ba'], contact_id: bId, display_name: 'satchel user', state: 'delivered', time_ms: Number, bytes: Buffer.byteLength(TEXT_BA) }] });
    t.notOk('text' in (inbox.messages[0] ?? {}), 'no text key without --show-text');
    const human = await A(['inbox']);
    t.match(human.stdout, new RegExp(`^1 message shown, 1 unread\\nMESSAGE ID +FROM +RECEIVED +STATE +SIZE\\n${ids['ba']} +satchel user \\(${bId}\\) +\\S.* +unread +26 B$`, 'm'));
    t.notMatch(human.stdout, TEXT_BA);
    const shown = await A(['inbox', '--show-text']);
    t.match(shown.stdout, /TEXT\n/);
    t.match(shown.stdout, TEXT_BA);
    t.match(json<Inbox>(await A(['inbox', '--show-text', '--json'])).messages[0], { text: TEXT_BA });
    t.same(json<Inbox>(await A(['inbox', '--unread', '--from', bId, '--json'])).count, 1);
    const tr = json<Trace>(await A(['trace', ids['ba'] ?? '', '--json']));
    t.match(tr, { direction: 'in', state: 'delivered', events: [{ event: 'received', detail: /^from [0-9a-f]{16} via node/ }] });
  });

  await t.test('outbox says why a message waits; purge drops it and trace then exits 1', async (t) => {
    t.equal(await b.stop().then((e) => e.code), 0, 'B leaves');
    await waitFor(async () => json<Neighbours>(await A(['neighbours', '--json'])).count === 0, 'A to see B gone', MEET_WAIT_MS);
    const r = await A(['send', bId, TEXT_LATER, '--json']);
    t.equal(r.code, 0, r.stderr);
    const later = json<{ id: string; state: string; waited_ms: number }>(r);
    t.match(later, { state: 'waiting', waited_ms: 0 });
    const outbox = json<Outbox>(await A(['outbox', '--json']));
    const entry = outbox.entries.find((e) => e.id === later.id);
    t.match(entry, { kind: 'text', contact_id: bId, display_name: 'satchel user', bytes: Number, created_ms: Number, state: 'waiting', reason: /recipient not nearby/ });
    t.match(outbox, { count: outbox.entries.length, bytes: Number, quota_bytes: 16 * 1024 * 1024 });
    const human = await A(['outbox']);
    t.match(human.stdout, /^\d+ envelopes? waiting; the outbox holds .* of 16 MiB \(0%\)\nMESSAGE ID +KIND +TO +SIZE +QUEUED +STATE\n/);
    t.match(human.stdout, new RegExp(`^  ${later.id.slice(0, 8)}: recipient not nearby`, 'm'));
    t.notMatch(human.stdout, TEXT_LATER);

    const room = await fieldScript(bin, 'check-classroom.sh', ['-b', a.address]);
    t.equal(room.code, 0, room.stderr);
    t.match(room.stdout, /^laptops near: 0\noutbox: \d+ waiting, backlog \(0\.0 MiB of 16\.0 MiB\)\n/);

    const wait = await A(['send', bId, TEXT_LATER, '--wait', '--timeout', '1']);
    t.equal(wait.code, 1, 'not delivered in time: exit 1');
    t.match(wait.stdout, /is still waiting after 1 s; it stays in the outbox/);

    const p = await A(['purge', later.id, '--json']);
    t.equal(p.code, 0, p.stderr);
    t.same(json(p), { id: later.id, purged: true });
    const tr = await A(['trace', later.id, '--json']);
    t.equal(tr.code, 1, 'a failed message: exit 1');
    t.match(json<Trace>(tr), { state: 'failed', reason: /removed from the outbox by an administrator/, events: [{ event: 'queued' }, { event: 'purged' }] });
    t.equal((await A(['purge', later.id])).code, 4, 'purging it again: not found');
    const kept = json<{ id: string }>(await A(['send', bId, TEXT_KEPT, '--json']));
    ids['kept'] = kept.id;
  });

  await t.test('inspect reads a live store alongside its daemon, and says so', async (t) => {
    const r = await satchel(['inspect', '--store', a.stateDir, '--json']);
    t.equal(r.code, 0, r.stderr);
    t.match(json(r), { store: { path: a.stateDir, opened: 'shared', in_use_by: [Number] }, identity: { id: aId } });
    const human = await satchel(['inspect', '--store', a.stateDir]);
    t.match(human.stderr, /is in use by pid \d+; LMDB lets readers share it, so this is a consistent snapshot/);
    t.match(human.stdout, /^access: +in use by pid \d+: read as one more LMDB reader/m);
  });

  await t.test('the exported bundle holds no message text and no key bytes', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'satchel-bundle-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'bundle.json');
    const r = await A(['export', file]);
    t.equal(r.code, 0, r.stderr);
    t.match(r.stdout, `wrote ${file} (`);
    const bundle = JSON.parse(await readFile(file, 'utf8')) as { traces: Record<string, { event: string }[]>; outbox: Outbox; status: { identity: { id: string } } };
    t.same(bundle.traces[ids['kept'] ?? '']?.map((e) => e.event), ['queued'], 'waiting messages are traced');
    t.equal(bundle.status.identity.id, aId);
    const traces = await satchel(['import', file, '--section', 'traces']);
    t.match(traces.stdout, new RegExp(`^message ${ids['kept']} to satchel user \\(${bId}\\): waiting\nTIME +AGO +EVENT +DETAIL\n.* queued +sealed for ${bId}`, 'm'));

    t.equal(await a.stop().then((e) => e.code), 0, 'A stops');
    // The secrets, read from a copy so that A's store stays untouched for the next test.
    const copy = await mkdtemp(join(tmpdir(), 'satchel-secret-'));
    t.teardown(() => rm(copy, { recursive: true, force: true }));
    await copyFile(join(a.stateDir, 'data.mdb'), join(copy, 'data.mdb'));
    const store = openStore({ path: copy, readOnly: true });
    const secrets = ['userSecret', 'nodeSecret'].map((k) => Buffer.from(store.meta.get(k) as Uint8Array));
    await store.close();
    const raw = await readFile(file);
    const text = raw.toString('utf8');
    for (const s of [TEXT_AB, TEXT_BA, TEXT_LATER, TEXT_LATER.toUpperCase(), TEXT_KEPT]) t.notOk(text.includes(s), `no message text: ${s}`);
    for (const [i, s] of secrets.entries()) {
      t.equal(s.length, 32, `secret ${i} is a 32-byte key`);
      t.notOk(raw.includes(s), 'no raw key bytes');
      t.notOk(text.toLowerCase().includes(s.toString('hex')), 'no key in hex');
      t.notOk(text.includes(s.toString('base64').slice(0, 40)), 'no key in base64');
      t.notOk(text.replace(/\s/g, '').includes(`[${[...s.subarray(0, 8)].join(',')}`), 'no key as a JSON byte array');
    }
  });

  await t.test('inspect of the stopped store: identity, counts, outbox; nothing changed', async (t) => {
    const before = await fingerprintDir(a.stateDir);
    const r = await satchel(['inspect', '--store', a.stateDir, '--json']);
    t.equal(r.code, 0, r.stderr);
    const v = json<{ store: Record<string, unknown>; identity: Record<string, string>; counts: Record<string, number>; outbox: Outbox['entries']; conversations: Record<string, unknown>[] }>(r);
    t.match(v.store, { path: a.stateDir, opened: 'copy', in_use_by: [], file_bytes: Number });
    t.match(v.identity, { id: aId, fingerprint: /^[0-9A-Z-]{19}$/, display_name: '', node_id: /^[0-9a-f]{16}$/ });
    t.match(v.counts, { messages: 6, contacts: 1, peers: 1, outbox_envelopes: Number, outbox_bytes: Number, received: Number, trace_events: Number });
    t.match(v.outbox.find((e) => e.id === ids['kept']), { kind: 'text', state: 'waiting', reason: /recipient not nearby/ });
    t.match(v.conversations, [{ contact_id: bId, display_name: 'satchel user', total: 6, unread: 1, last_time_ms: Number }]);
    t.notOk('last_text' in (v.conversations[0] ?? {}), 'no text without --show-text');
    const human = await satchel(['inspect', '--store', a.stateDir]);
    t.equal(human.code, 0);
    t.match(human.stdout, new RegExp(`^identity: +\\(no name\\) +id ${aId} +fingerprint `, 'm'));
    t.match(human.stdout, /^access: +not in use: read from a private copy/m);
    t.match(human.stdout, /^WITH +MESSAGES +UNREAD +LAST$/m);
    for (const s of [TEXT_AB, TEXT_BA, TEXT_KEPT]) t.notOk(human.stdout.includes(s) || r.stdout.includes(s), `no text: ${s}`);
    const withText = await satchel(['inspect', '--store', a.stateDir, '--show-text', '--json']);
    t.match(json<{ conversations: unknown[] }>(withText).conversations, [{ last_text: TEXT_KEPT }]);
    t.same(await fingerprintDir(a.stateDir), before, 'every file of the store is byte for byte and mtime for mtime as before');
    const missing = await satchel(['inspect', '--store', join(a.dir, 'nope'), '--json']);
    t.equal(missing.code, 4);
    t.match(json(missing), { error: { kind: 'not_found', message: /no satchel store in/ } });
  });
}
