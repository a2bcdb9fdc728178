import t from 'tap';
import { NmTracker } from '../../../daemon/discovery/sources/nm-tracker.js';
import type { NmReader } from '../../../daemon/discovery/sources/nm-reader.js';
import { SightingBook } from '../../../daemon/discovery/sources/sighting-book.js';
import type { Sighting } from '../../../daemon/discovery/sources/source.js';
import type { BssInfo } from '../../../daemon/discovery/sources/wpa-values.js';

const DEV = '/org/freedesktop/NetworkManager/Devices/1';
const AP = '/org/freedesktop/NetworkManager/AccessPoint/1';
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * The reader's answers are held until the test releases them, to put a
 * PropertiesChanged between a read's two answers, as a busy bus can.
 */
function heldReader() {
  let release: ((info: BssInfo) => void) | undefined;
  const reader = {
    isWifi: async () => true,
    accessPoints: async () => [AP],
    accessPoint: () => new Promise<BssInfo | undefined>((r) => { release = r; }),
    devices: async () => [DEV],
  } as unknown as NmReader;
  return { reader, answer: (info: BssInfo) => release?.(info) };
}

t.test('a hidden network named while its properties are being read is reported by its new name', async (t) => {
  const seen: Sighting[] = [];
  const book = new SightingBook({ seen: (s) => seen.push(s), lost: () => undefined });
  const { reader, answer } = heldReader();
  const tracker = new NmTracker({ reader, book, sessionPort: 47848, acceptSsid: (s) => s.startsWith('satchel-') });
  tracker.deviceAdded(DEV);
  await settle();
  await settle();
  tracker.ssidChanged(AP, new TextEncoder().encode('satchel-relay'));
  answer({ bssid: '02:5a:00:00:00:0d', ssid: new Uint8Array(0) });
  await settle();
  t.same(seen.map((s) => [s.key, s.ssid]), [['ap:02:5a:00:00:00:0d', 'satchel-relay']]);
});
