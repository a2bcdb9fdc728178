/**
 * The TXT record: what we publish reads back as our node id, and what a
 * stranger publishes is checked, never thrown on.
 */
import t from 'tap';
import { decodeTxt, encodeTxt, MAX_TXT_BYTES } from '../../../daemon/discovery/sources/avahi-txt.js';

const ID = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 0xff]);
const txt = (...s: string[]): Buffer[] => s.map((x) => Buffer.from(x, 'latin1'));

t.test('our record: readable in avahi-browse, and read back as our node id', async (t) => {
  const rec = encodeTxt(ID);
  t.same(rec.map((b) => b.toString()), ['txtvers=1', 'id=01020304050607ff']);
  t.same(decodeTxt(rec), { ok: true, nodeId: ID });
  t.ok(rec.reduce((n, b) => n + 1 + b.length, 0) < 200, 'well under the 200 bytes RFC 6763 §6.2 hopes for');
});

t.test('encodeTxt refuses what is not a node id', async (t) => {
  for (const bad of [new Uint8Array(7), new Uint8Array(9), new Uint8Array(0), 'id' as unknown as Uint8Array, undefined as unknown as Uint8Array]) {
    t.throws(() => encodeTxt(bad), { code: 'INVALID_ARGUMENT' });
  }
});

t.test('keys without case, the first of a repeated key, values with = in them', async (t) => {
  t.same(decodeTxt(txt('ID=01020304050607FF')), { ok: true, nodeId: ID }, 'key and hex in capitals');
  t.same(decodeTxt(txt('flag', '=nokey', 'note=a=b', 'id=01020304050607ff', 'note=c')), { ok: true, nodeId: ID });
  t.same(decodeTxt(txt('txtvers=1', 'txtvers=9', 'id=01020304050607ff')), { ok: true, nodeId: ID }, 'first txtvers counts');
  t.same(decodeTxt([]).ok, false, 'an empty record has no id');
});

t.test('hostile records are dropped with a reason, never thrown', async (t) => {
  const cases: [unknown, string][] = [
    [undefined, 'txt'], ['id=01020304050607ff', 'txt'], [[1, 2, 3], 'txt'], [[null], 'txt'], [[{}], 'txt'],
    [txt('txtvers=1'), 'node_id'],
    [txt('id='), 'node_id'],
    [txt('id'), 'node_id'],
    [txt('id=0102030405060'), 'node_id'],
    [txt('id=01020304050607ff00'), 'node_id'],
    [txt('id=0102030405060zff'), 'node_id'],
    [txt('id= 01020304050607ff'), 'node_id'],
    [txt('id=01020304050607ff', 'Id=01020304050607ff'), 'node_id'],
    [txt('id=\u00ff\u00fe\u0000'), 'node_id'],
    [txt('txtvers=2', 'id=01020304050607ff'), 'txtvers'],
    [txt('txtvers=', 'id=01020304050607ff'), 'txtvers'],
    [[...txt('id=01020304050607ff'), Buffer.alloc(MAX_TXT_BYTES, 0x41)], 'txt_size'],
    [Array.from({ length: 1000 }, () => Buffer.alloc(1)), 'txt_size'],
  ];
  for (const [input, reason] of cases) {
    const r = decodeTxt(input);
    t.equal(r.ok ? 'ok' : r.reason, reason, `${JSON.stringify(input)?.slice(0, 60)} -> ${reason}`);
    if (!r.ok) t.ok(r.detail.length <= 80, 'the detail is short enough for one log line');
  }
  const atLimit = [...txt('id=01020304050607ff'), Buffer.alloc(MAX_TXT_BYTES - 21, 0x41)];
  t.same(decodeTxt(atLimit).ok, true, `exactly ${MAX_TXT_BYTES} bytes is still read`);
});
