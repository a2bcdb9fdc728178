/**
 * Revocations: node crypto checks the documented layout, known answers are
 * pinned, and nothing but the school's own signature revokes anything.
 */
import { createPublicKey, verify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import t from 'tap';
import { fromHex, keyId, toHex } from '../../daemon/crypto/keys.js';
import { checkRevocation, issueRevocation, MAX_REVOCATION_BYTES, MAX_REVOKED_PER_REVOCATION } from '../../daemon/school/revocation.js';
import { trustSchoolKeys } from '../../daemon/school/school-keys.js';
import { encodeSchoolRevocation } from '../../daemon/wire/messages.js';
import { ben, otherSchool, school } from './fixtures.js';

const keys = trustSchoolKeys([school.publicKey]);
const CERT_ID = 'a4bf5c2d924e1b4cf8869b4977b1801d';
const ISSUED_S = 1780000000;
/** Known answers for the revocation below. */
const PINNED_ID = 'b9b63a57b4175399f5f9cd31734f3adc';
const PINNED_SIG_START = 'a3eba7744e1c20b8e102323c8fcb3d50';
const PINNED_BYTES = 134;
const nodeKey = (raw: Uint8Array) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
const be32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };

t.test('a revocation verifies under node crypto over the documented layout; known answers pinned', async (t) => {
  const r = issueRevocation(school, { certificates: [CERT_ID], userKeys: [ben.publicKey], issuedS: ISSUED_S });
  const signed = Buffer.concat([
    Buffer.from('satchel/v1/school-revoke'), keyId(school.publicKey), be32(1), fromHex(CERT_ID), be32(1), ben.publicKey, be32(ISSUED_S),
  ]);
  t.ok(verify(null, signed, nodeKey(school.publicKey), r.signature!));
  const c = checkRevocation(encodeSchoolRevocation(r), keys);
  if (!c.ok) throw new Error(c.reason);
  t.same(c.revocation.certificateIds, [CERT_ID]);
  t.same(c.revocation.userKeys, [toHex(ben.publicKey)]);
  t.equal(c.revocation.id, PINNED_ID);
  t.equal(toHex(r.signature!).slice(0, 32), PINNED_SIG_START);
  t.equal(encodeSchoolRevocation(r).length, PINNED_BYTES);
  const text = execFileSync('protoc', ['--decode=satchel.v1.SchoolRevocation', '-I', 'proto', 'proto/satchel/v1/satchel.proto'], { input: encodeSchoolRevocation(r) }).toString();
  t.match(text, new RegExp(`issued_s: ${ISSUED_S}`), 'stock protoc decodes it');
});

t.test('only the school revokes, and only what it signed', async (t) => {
  const r = issueRevocation(school, { certificates: [CERT_ID], issuedS: ISSUED_S });
  const reason = (x: unknown) => { const c = checkRevocation(x, keys); return c.ok ? 'ok' : c.reason; };
  t.equal(reason(r), 'ok');
  t.equal(reason(issueRevocation(otherSchool, { certificates: [CERT_ID], issuedS: ISSUED_S })), 'unknown_school', 'another key');
  t.equal(reason({ ...r, certificates: [new Uint8Array(16)] }), 'bad_signature', 'another certificate named after signing');
  t.equal(reason({ ...r, userKeys: [ben.publicKey] }), 'bad_signature', 'a key added after signing');
  t.equal(reason({ ...r, issuedS: ISSUED_S + 1 }), 'bad_signature');
  t.equal(reason({ ...r, signature: new Uint8Array(64) }), 'bad_signature');
  t.equal(reason({ ...r, certificates: [] }), 'empty');
  t.equal(reason({ ...r, certificates: Array.from({ length: MAX_REVOKED_PER_REVOCATION + 1 }, () => new Uint8Array(16)) }), 'too_many');
  t.equal(reason({ ...r, certificates: [new Uint8Array(15)] }), 'malformed');
  t.equal(reason({ ...r, school: new Uint8Array(3) }), 'malformed');
  t.equal(reason(new Uint8Array(MAX_REVOCATION_BYTES + 1)), 'oversized');
  t.equal(reason(Uint8Array.of(0x12, 0x40)), 'malformed', 'truncated bytes');
  for (const junk of [null, 7, 'r']) t.equal(reason(junk), 'malformed');
  t.throws(() => checkRevocation(r, {} as never), { code: 'INVALID_ARGUMENT' });
});

t.test('issuing refuses bad arguments with named errors', async (t) => {
  t.throws(() => issueRevocation(school, { issuedS: 1 }), { code: 'INVALID_ARGUMENT' }, 'names nothing');
  t.throws(() => issueRevocation(school, { certificates: ['xyz'], issuedS: 1 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => issueRevocation(school, { userKeys: [new Uint8Array(5)], issuedS: 1 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => issueRevocation(school, { certificates: [CERT_ID], issuedS: -1 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => issueRevocation(school, { certificates: Array(MAX_REVOKED_PER_REVOCATION + 1).fill(CERT_ID), issuedS: 1 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => issueRevocation(null as never, { certificates: [CERT_ID], issuedS: 1 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => issueRevocation(school, 'x' as never), { code: 'INVALID_ARGUMENT' });
});
