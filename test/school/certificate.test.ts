/**
 * Certificates: what a laptop accepts as vouched and what it refuses, with
 * the signature checked by node's own Ed25519 over the documented layout,
 * pinned known answers, and stock protoc decoding the wire form.
 */
import { createPublicKey, verify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import t from 'tap';
import { keyId, keyIdHex, toHex } from '../../daemon/crypto/keys.js';
import { checkCertificate, issueCertificate, MAX_CERTIFICATE_BYTES } from '../../daemon/school/certificate.js';
import { trustSchoolKeys } from '../../daemon/school/school-keys.js';
import { VALIDITY_MARGIN_S } from '../../daemon/school/validity.js';
import { encodeSchoolCertificate, type SchoolCertificate } from '../../daemon/wire/messages.js';
import { ana, anaFields, ben, MID_YEAR_MS, otherSchool, school, YEAR_END_S } from './fixtures.js';

const keys = trustSchoolKeys([school.publicKey]);
/** Known answers: Ed25519 is deterministic, so any change to the layout or the labels shows here. */
const PINNED_ID = 'a4bf5c2d924e1b4cf8869b4977b1801d';
const PINNED_SIG_START = '90728474f9de6e9d27a44b514b23f369';
const PINNED_BYTES = 137;
const enc = (s: string): Buffer => Buffer.from(s, 'utf8');
const be32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const nodeKey = (raw: Uint8Array) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });

t.test('a certificate verifies under node crypto over the documented layout; known answers pinned', async (t) => {
  const cert = issueCertificate(school, anaFields);
  const signed = Buffer.concat([
    enc('satchel/v1/school-cert'), keyId(school.publicKey), ana.publicKey,
    Buffer.of(9), enc('Ana Souza'), Buffer.of(2), enc('4B'), be32(anaFields.validFromS), be32(anaFields.validUntilS),
  ]);
  t.ok(verify(null, signed, nodeKey(school.publicKey), cert.signature!), 'node crypto verifies the school signature');
  const checked = checkCertificate(encodeSchoolCertificate(cert), keys, MID_YEAR_MS);
  if (!checked.ok) throw new Error(checked.reason);
  t.equal(checked.certificate.displayName, 'Ana Souza');
  t.equal(checked.certificate.className, '4B');
  t.equal(checked.certificate.userId, keyIdHex(ana.publicKey));
  t.equal(checked.certificate.schoolId, keyIdHex(school.publicKey));
  t.equal(checked.certificate.id, PINNED_ID, 'certificate id pinned');
  t.equal(toHex(cert.signature!).slice(0, 32), PINNED_SIG_START, 'deterministic signature pinned');
  t.equal(encodeSchoolCertificate(cert).length, PINNED_BYTES, 'bytes on the wire pinned');
  t.same(encodeSchoolCertificate(checked.certificate.certificate), encodeSchoolCertificate(cert), 'hands on the same bytes');
});

t.test('nothing but a trusted school’s own signature over these exact fields is vouched', async (t) => {
  const cert = issueCertificate(school, anaFields);
  const byOther = issueCertificate(otherSchool, anaFields);
  const reason = (c: unknown, now = MID_YEAR_MS) => { const r = checkCertificate(c, keys, now); return r.ok ? 'ok' : r.reason; };
  t.equal(reason(byOther), 'unknown_school', 'a key that is not the school’s');
  t.equal(reason({ ...byOther, school: cert.school }), 'bad_signature', 'another key’s signature relabelled as the school’s');
  t.equal(reason({ ...cert, displayName: 'Ben Lima' }), 'bad_signature', 'a name changed after signing');
  t.equal(reason({ ...cert, className: '5A' }), 'bad_signature', 'a class changed after signing');
  t.equal(reason({ ...cert, userKey: ben.publicKey }), 'bad_signature', 'someone else’s key under Ana’s certificate');
  t.equal(reason({ ...cert, validUntilS: YEAR_END_S + 86400 }), 'bad_signature', 'a stretched validity');
  const flipped = Uint8Array.from(cert.signature!); flipped[5]! ^= 1;
  t.equal(reason({ ...cert, signature: flipped }), 'bad_signature', 'a forged signature');
  t.equal(reason({ ...cert, signature: new Uint8Array(64) }), 'bad_signature', 'an all-zero signature');
  t.equal(reason({ ...cert, signature: new Uint8Array(63) }), 'bad_signature', 'a short signature');
  t.equal(reason({ ...cert, userKey: new Uint8Array(32) }), 'bad_user_key', 'a small-order user key');
  t.equal(reason({ ...cert, userKey: new Uint8Array(31) }), 'bad_user_key');
  t.equal(reason({ ...cert, school: new Uint8Array(7) }), 'malformed');
  t.equal(reason({ ...cert, displayName: '' }), 'bad_name');
  t.equal(reason({ ...cert, displayName: 'Ana\u202eSouza' }), 'bad_name', 'a direction override');
  t.equal(reason({ ...cert, displayName: 'x'.repeat(65) }), 'bad_name');
  t.equal(reason({ ...cert, validUntilS: 0 }), 'bad_validity');
  t.equal(reason({ ...cert, validFromS: YEAR_END_S + 1 }), 'bad_validity');
  t.equal(reason(new Uint8Array(MAX_CERTIFICATE_BYTES + 1)), 'oversized');
  t.equal(reason(Uint8Array.of(0x0a, 0x20, 1)), 'malformed', 'truncated bytes');
  t.equal(reason(Uint8Array.of(0xff, 0xff, 0xff)), 'malformed');
  for (const junk of [null, undefined, 42, 'cert']) t.equal(reason(junk), 'malformed', `junk ${String(junk)}`);
  t.equal(reason({}), 'malformed', 'an empty object');
  t.equal(reason(cert), 'ok');
});

t.test('wrong laptop clocks: behind never hides a name; ahead hides only past a generous margin', async (t) => {
  const cert = issueCertificate(school, anaFields);
  const ok = (nowMs: number) => checkCertificate(cert, keys, nowMs).ok;
  t.ok(ok(0), 'a clock reset to 1970 still shows the vouched name');
  t.ok(ok(Date.UTC(2000, 0, 1)), 'a clock at 2000 too');
  t.ok(ok((YEAR_END_S + VALIDITY_MARGIN_S) * 1000), 'a clock up to the margin past the end');
  const late = checkCertificate(cert, keys, (YEAR_END_S + VALIDITY_MARGIN_S + 1) * 1000);
  t.same(late, { ok: false, reason: 'expired' }, 'beyond the margin the certificate is expired');
});

t.test('issuing and checking refuse bad arguments with named errors', async (t) => {
  const bad = [
    { ...anaFields, userKey: new Uint8Array(32) },
    { ...anaFields, displayName: '' },
    { ...anaFields, displayName: ' Ana' },
    { ...anaFields, displayName: 'Ana\nSouza' },
    { ...anaFields, className: 'x'.repeat(33) },
    { ...anaFields, validUntilS: 0 },
    { ...anaFields, validFromS: -1 },
    { ...anaFields, validUntilS: 2 ** 32 },
    { ...anaFields, validFromS: anaFields.validUntilS + 1 },
  ];
  for (const f of bad) t.throws(() => issueCertificate(school, f), { code: 'INVALID_ARGUMENT' });
  t.throws(() => issueCertificate({ secretKey: new Uint8Array(3), publicKey: school.publicKey }, anaFields), { code: 'INVALID_ARGUMENT' });
  t.throws(() => issueCertificate(school, null as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => checkCertificate(issueCertificate(school, anaFields), [school.publicKey] as never, MID_YEAR_MS), { code: 'INVALID_ARGUMENT' });
  t.throws(() => checkCertificate(issueCertificate(school, anaFields), keys, Number.NaN), { code: 'INVALID_ARGUMENT' });
  t.throws(() => trustSchoolKeys(['zz']), { code: 'INVALID_ARGUMENT' });
  t.throws(() => trustSchoolKeys([new Uint8Array(32)]), { code: 'INVALID_ARGUMENT' }, 'a small-order school key');
  t.throws(() => trustSchoolKeys('abc' as never), { code: 'INVALID_ARGUMENT' });
  t.equal(trustSchoolKeys([toHex(school.publicKey).toUpperCase()]).byId.size, 1, 'hex in either case');
  t.equal(trustSchoolKeys([]).byId.size, 0, 'no school: nothing is ever vouched');
  t.same(checkCertificate(issueCertificate(school, anaFields), trustSchoolKeys([]), MID_YEAR_MS), { ok: false, reason: 'unknown_school' });
});

t.test('stock protoc decodes a certificate', async (t) => {
  const bytes = encodeSchoolCertificate(issueCertificate(school, anaFields) as SchoolCertificate);
  const text = execFileSync('protoc', ['--decode=satchel.v1.SchoolCertificate', '-I', 'proto', 'proto/satchel/v1/satchel.proto'], { input: bytes }).toString();
  t.match(text, /display_name: "Ana Souza"/);
  t.match(text, /class_name: "4B"/);
  t.match(text, new RegExp(`valid_until_s: ${YEAR_END_S}`));
});
