/**
 * The certificate book: who is shown as vouched, revocations winning in
 * either order, bounds, and the cache surviving a restart in a real LMDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { keyIdHex } from '../../daemon/crypto/keys.js';
import { issueCertificate } from '../../daemon/school/certificate.js';
import { createCertificateBook } from '../../daemon/school/certificate-book.js';
import { metaCertificateCache } from '../../daemon/school/meta-cache.js';
import { issueRevocation } from '../../daemon/school/revocation.js';
import { trustSchoolKeys } from '../../daemon/school/school-keys.js';
import { VALIDITY_MARGIN_S } from '../../daemon/school/validity.js';
import { openStore } from '../../daemon/store/store.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { encodeSchoolCertificate } from '../../daemon/wire/messages.js';
import { ana, anaFields, ben, MID_YEAR_MS, otherSchool, person, school, YEAR_END_S } from './fixtures.js';

const schoolKeys = trustSchoolKeys([school.publicKey]);
const book = (clock = new ManualClock(MID_YEAR_MS), extra = {}) => createCertificateBook({ schoolKeys, clock, ...extra });
const anaCert = issueCertificate(school, anaFields);
const benCert = issueCertificate(school, { ...anaFields, userKey: ben.publicKey, displayName: 'Ben Lima' });

t.test('a school certificate makes its child vouched, by key or by id, and nobody else', async (t) => {
  const b = book();
  const added = b.addCertificate(encodeSchoolCertificate(anaCert));
  t.equal(added.result, 'added');
  t.match(b.vouched(ana.publicKey), { displayName: 'Ana Souza', className: '4B', schoolId: keyIdHex(school.publicKey) });
  t.match(b.vouched(keyIdHex(ana.publicKey)), { displayName: 'Ana Souza' });
  t.equal(b.vouched(ben.publicKey), undefined, 'Ben has no certificate');
  t.equal(b.addCertificate(anaCert).result, 'duplicate');
  t.throws(() => b.vouched('not an id'), { code: 'INVALID_ARGUMENT' });
  t.throws(() => b.vouched(new Uint8Array(3)), { code: 'INVALID_ARGUMENT' });
});

t.test('impersonation: a certificate signed by a key that is not the school’s is never vouched', async (t) => {
  const b = book();
  const forged = issueCertificate(otherSchool, { ...anaFields, userKey: ben.publicKey, displayName: 'Ana Souza' });
  t.same(b.addCertificate(forged), { result: 'rejected', reason: 'unknown_school' });
  t.same(b.addCertificate({ ...forged, school: anaCert.school }), { result: 'rejected', reason: 'bad_signature' });
  t.same(b.addCertificate({ ...anaCert, userKey: ben.publicKey }), { result: 'rejected', reason: 'bad_signature' }, 'Ana’s certificate on Ben’s key');
  t.same(b.addCertificate(new Uint8Array(10_000)), { result: 'rejected', reason: 'oversized' });
  t.same(b.addCertificate(Uint8Array.of(0xff)), { result: 'rejected', reason: 'malformed' });
  t.same(b.addCertificate(null), { result: 'rejected', reason: 'malformed' });
  t.equal(b.vouched(ben.publicKey), undefined);
  t.same(b.list(), []);
});

t.test('a revoked certificate is not vouched, whichever arrives first', async (t) => {
  const anaId = (book().addCertificate(anaCert) as { id: string }).id;
  const byId = issueRevocation(school, { certificates: [anaId], issuedS: 1 });
  const byKey = issueRevocation(school, { userKeys: [ben.publicKey], issuedS: 1 });

  const first = book();
  first.addCertificate(anaCert);
  first.addCertificate(benCert);
  t.match(first.addRevocation(byId), { result: 'added', removed: [anaId] }, 'the cached certificate is dropped');
  t.equal(first.vouched(ana.publicKey), undefined, 'certificate then revocation');
  t.equal(first.addRevocation(byKey).result, 'added');
  t.equal(first.vouched(ben.publicKey), undefined, 'revoked by key');

  const later = book();
  t.equal(later.addRevocation(byId).result, 'added');
  t.equal(later.addRevocation(byKey).result, 'added');
  t.same(later.addCertificate(anaCert), { result: 'revoked', id: anaId }, 'revocation then certificate');
  t.equal(later.addCertificate(benCert).result, 'revoked');
  const reissued = issueCertificate(school, { ...anaFields, className: '5A', validFromS: anaFields.validFromS + 1 });
  t.equal(later.addCertificate(reissued).result, 'added', 'a new certificate after a revocation by id stands');
  t.match(later.vouched(ana.publicKey), { className: '5A' });
  const benAgain = issueCertificate(school, { ...anaFields, userKey: ben.publicKey, displayName: 'Ben Lima', validFromS: anaFields.validFromS + 9 });
  t.equal(later.addCertificate(benAgain).result, 'revoked', 'a key revoked once stays revoked');
  t.same(later.ids().revocations.length, 2);
  t.equal(later.addRevocation(byId).result, 'duplicate');
});

t.test('a revocation by another school, or forged, revokes nothing', async (t) => {
  const b = book();
  const anaId = (b.addCertificate(anaCert) as { id: string }).id;
  t.same(b.addRevocation(issueRevocation(otherSchool, { certificates: [anaId], issuedS: 1 })), { result: 'rejected', reason: 'unknown_school' });
  const real = issueRevocation(school, { certificates: [anaId], issuedS: 1 });
  t.same(b.addRevocation({ ...real, signature: new Uint8Array(64) }), { result: 'rejected', reason: 'bad_signature' });
  t.same(b.addRevocation(Uint8Array.of(1, 2, 3)), { result: 'rejected', reason: 'malformed' });
  t.match(b.vouched(ana.publicKey), { displayName: 'Ana Souza' });
});

t.test('expired certificates stop vouching as the laptop clock passes the margin', async (t) => {
  const clock = new ManualClock(MID_YEAR_MS);
  const b = book(clock);
  b.addCertificate(anaCert);
  clock.setWall((YEAR_END_S + VALIDITY_MARGIN_S - 10) * 1000);
  t.match(b.vouched(ana.publicKey), { displayName: 'Ana Souza' }, 'within the margin');
  clock.setWall((YEAR_END_S + VALIDITY_MARGIN_S + 10) * 1000);
  t.equal(b.vouched(ana.publicKey), undefined);
  t.same(b.addCertificate(benCert), { result: 'rejected', reason: 'expired' });
});

t.test('bounded: a full book drops what ends first, revocations have their own bound', async (t) => {
  const b = book(new ManualClock(MID_YEAR_MS), { maxCertificates: 2, maxRevokedEntries: 1 });
  const kid = (n: number, until: number) => issueCertificate(school, { ...anaFields, userKey: person(200 + n).publicKey, displayName: `Kid ${n}`, validUntilS: until });
  t.equal(b.addCertificate(kid(1, YEAR_END_S)).result, 'added');
  t.equal(b.addCertificate(kid(2, YEAR_END_S + 10)).result, 'added');
  t.equal(b.addCertificate(kid(3, YEAR_END_S - 10)).result, 'full', 'ends sooner than everything held');
  t.equal(b.addCertificate(kid(4, YEAR_END_S + 20)).result, 'added', 'replaces the one ending first');
  t.same(b.list().map((v) => v.displayName), ['Kid 2', 'Kid 4']);
  t.equal(b.addRevocation(issueRevocation(school, { userKeys: [ben.publicKey], issuedS: 1 })).result, 'added');
  t.equal(b.addRevocation(issueRevocation(school, { userKeys: [ana.publicKey], issuedS: 1 })).result, 'full');
  t.throws(() => createCertificateBook({ schoolKeys, clock: new ManualClock(), maxCertificates: 0 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createCertificateBook({ schoolKeys: [] as never, clock: new ManualClock() }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createCertificateBook(undefined as never), { code: 'INVALID_ARGUMENT' });
});

t.test('the cache survives a restart in LMDB; a revoked or untrusted entry does not come back', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-school-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let store = openStore({ path: dir });
  const clock = new ManualClock(MID_YEAR_MS);
  const b = createCertificateBook({ schoolKeys, clock, cache: metaCertificateCache(store) });
  b.addCertificate(anaCert);
  const benId = (b.addCertificate(benCert) as { id: string }).id;
  b.addRevocation(issueRevocation(school, { certificates: [benId], issuedS: 1 }));
  await store.close();

  store = openStore({ path: dir });
  const again = createCertificateBook({ schoolKeys, clock, cache: metaCertificateCache(store) });
  t.match(again.vouched(ana.publicKey), { displayName: 'Ana Souza' }, 'offline, from the cache');
  t.equal(again.vouched(ben.publicKey), undefined, 'still revoked');
  t.equal(again.addCertificate(benCert).result, 'revoked');
  const reimaged = createCertificateBook({ schoolKeys: trustSchoolKeys([otherSchool.publicKey]), clock, cache: metaCertificateCache(store) });
  t.same(reimaged.list(), [], 'a laptop re-imaged for another school shows nothing vouched by the old one');
  const back = createCertificateBook({ schoolKeys, clock, cache: metaCertificateCache(store) });
  t.same(back.list(), [], 'and the untrusted entries were dropped from the cache');
  await store.close();
});
