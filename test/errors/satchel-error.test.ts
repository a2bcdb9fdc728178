import t from 'tap';
import { SatchelError, isSatchelError, ERROR_CODES } from '../../daemon/errors/satchel-error.js';

t.test('factories carry stable codes and D-Bus names', async (t) => {
  const e = SatchelError.bodyTooLarge(5000, 4096);
  t.equal(e.code, 'BODY_TOO_LARGE');
  t.equal(e.dbusName, 'BodyTooLarge');
  t.match(e.message, /5000.*4096/);
  t.ok(isSatchelError(e, 'BODY_TOO_LARGE'));
  t.notOk(isSatchelError(e, 'NOT_FOUND'));
  t.notOk(isSatchelError(new Error('x')));
});

t.test('every code has a distinct D-Bus name made of letters only', async (t) => {
  const names = Object.values(ERROR_CODES);
  t.equal(new Set(names).size, names.length);
  for (const n of names) t.match(n, /^[A-Z][A-Za-z]+$/);
});
