import t from 'tap';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../daemon/config/config-file.js';
import { CONFIG_KEYS, defaultConfig } from '../../daemon/config/schema.js';

t.test('the shipped satcheld.conf names every key at its default, and reads back as the defaults', async (t) => {
  const text = readFileSync('systemd/satcheld.conf', 'utf8');
  for (const k of CONFIG_KEYS) t.match(text, `#${k.key.split('.')[1]} = ${String(k.default)}`, k.key);
  t.same(parseConfig(text), defaultConfig());
  const uncommented = text.replace(/^#(\w+ = .*)$/gm, '$1').replace(/^(dir|interface) = $/gm, '$1 = ""');
  t.same(parseConfig(uncommented), defaultConfig(), 'uncommenting every line changes nothing');
});

t.test('values are typed and checked', async (t) => {
  const c = parseConfig('[store]\noutbox_quota_bytes = 1048576\n[discovery]\nbeacon = off  # quiet\ninterface = wlan0\n[log]\nlevel = debug\n');
  t.equal(c['store.outbox_quota_bytes'], 1048576);
  t.equal(c['discovery.beacon'], false);
  t.equal(c['discovery.interface'], 'wlan0');
  t.equal(c['log.level'], 'debug');
});

t.test('every mistake names the key, the line and the problem', async (t) => {
  const cases: [string, RegExp][] = [
    ['[store]\noutbox_quota_bytes = lots\n', /store\.outbox_quota_bytes: must be a whole number, got "lots" \(test line 2\)/],
    ['[store]\noutbox_quota_bytes = 10\n', /store\.outbox_quota_bytes: must be between 65536 and/],
    ['[discovery]\nbeacon = maybe\n', /discovery\.beacon: must be true or false/],
    ['[discovery]\nbeacn = true\n', /discovery\.beacn: unknown key \(test line 2\); known keys in \[discovery\]: beacon, interface/],
    ['[radio]\n', /radio: unknown section \(test line 1\)/],
    ['[routing]\nstrategy = flood\n', /routing\.strategy: must be one of direct, epidemic, spray-and-wait, prophet, prophet-spray, encounter-spray, got "flood"/],
    ['[log]\nlevel = info\nlevel = debug\n', /log\.level: set twice \(test line 3\)/],
    ['[log]\nthis is not a setting\n', /cannot read "this is not a setting"/],
    ['level = info\n', /level: unknown key/],
  ];
  for (const [text, msg] of cases) t.throws(() => parseConfig(text, 'test'), { code: 'CONFIG', message: msg }, JSON.stringify(text));
});
