import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair } from '../../daemon/crypto/keys.js';
import { checkProof, signProof, type CheckedProof } from '../../daemon/crypto/proof.js';
import { openStore } from '../../daemon/store/store.js';
import { encodeDeliveryProof } from '../../daemon/wire/messages.js';
import { seededRandom } from '../../daemon/util/random.js';
import { isKnownDelivered, keepProof } from '../../daemon/messenger/proof-book.js';
import { removeDir } from '../fixtures/core-node.js';

const random = seededRandom(3);

function proof(lifetimeS: number): { p: CheckedProof; bytes: Uint8Array } {
  const signed = signProof(generateKeyPair(random), [random(16)], lifetimeS);
  const p = checkProof(signed);
  if (typeof p === 'string') throw new Error(p);
  return { p, bytes: encodeDeliveryProof(signed) };
}

t.test('past its quota the proof book drops the proof that expires first, and still remembers what it proved', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-proofs-'));
  const store = openStore({ path: dir });
  t.teardown(async () => { await store.close(); removeDir(dir); });
  const soon = proof(3600);
  const later = proof(7200);
  const last = proof(10_800);
  const quota = soon.bytes.length + later.bytes.length + 10;
  store.transact(() => {
    t.ok(keepProof(store, later.p, later.bytes, 0, quota));
    t.ok(keepProof(store, soon.p, soon.bytes, 0, quota));
    t.notOk(keepProof(store, soon.p, soon.bytes, 0, quota), 'a proof already kept is not kept twice');
    t.ok(keepProof(store, last.p, last.bytes, 0, quota));
  });
  t.notOk(store.proofs.doesExist(soon.p.id), 'the proof expiring first went');
  t.ok(store.proofs.doesExist(later.p.id) && store.proofs.doesExist(last.p.id));
  t.ok(isKnownDelivered(store, soon.p.ids[0]!), 'the envelope it proved is still refused');
});
