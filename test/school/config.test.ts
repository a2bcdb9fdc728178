/** `school.keys`: what an imaged laptop trusts, and a typo refused at start. */
import t from 'tap';
import { toHex } from '../../daemon/crypto/keys.js';
import { defaultConfig } from '../../daemon/config/schema.js';
import { optionsFromConfig, schoolKeyList } from '../../daemon/options.js';
import { otherSchool, school } from './fixtures.js';

t.test('school.keys lists the trusted school keys; empty trusts none', async (t) => {
  const a = toHex(school.publicKey);
  const b = toHex(otherSchool.publicKey);
  t.same(optionsFromConfig(defaultConfig(), '', {}).schoolKeys, [], 'nothing vouched by default');
  t.same(optionsFromConfig({ ...defaultConfig(), 'school.keys': ` ${a.toUpperCase()} , ${b},${a}` }, '', {}).schoolKeys, [a, b], 'case and blanks tolerated, repeats once');
  t.throws(() => schoolKeyList(`${a},abc`), { code: 'CONFIG' }, 'a short key is a configuration error');
  t.throws(() => schoolKeyList(`${a.slice(0, 63)}g`), { code: 'CONFIG' });
});
