/**
 * The Wi-Fi worker: a child process (child_process.fork, from dist/) that
 * owns node-wifi, so that its side effects stay out of the daemon: it
 * shells out to nmcli and, on load, rewrites this process's locale
 * variables (LANG, LC_ALL, LC_MESSAGES) so nmcli's output parses. It answers
 * one WifiRequest at a time over the IPC channel and exits when the
 * daemon goes away.
 *
 * Usage (by wifi-client.ts): fork(wifi-worker.js, [IFACE?]).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { requestProblem, type WifiAnswer, type WifiNetwork, type WifiRequest } from './wifi-protocol.js';

/** nmcli's own wait for an activation, in seconds (node-wifi uses the same for connect). */
export const NMCLI_WAIT_S = 10;

/** The part of node-wifi 2.x used here (it ships no types). */
interface NodeWifi {
  init(o: { iface: string | null; debug?: boolean }): void;
  connect(ap: { ssid: string; password: string }): Promise<void>;
  disconnect(): Promise<void>;
  scan(): Promise<{ ssid?: unknown; bssid?: unknown }[]>;
  getCurrentConnections(): Promise<{ ssid?: unknown; bssid?: unknown; iface?: unknown }[]>;
}

const iface = process.argv[2] !== undefined && process.argv[2] !== '' ? process.argv[2] : null;
const wifi = createRequire(import.meta.url)('node-wifi') as NodeWifi;
wifi.init({ iface });

function networks(list: { ssid?: unknown; bssid?: unknown }[]): WifiNetwork[] {
  return list.map((n) => ({
    ssid: typeof n.ssid === 'string' ? n.ssid : '',
    bssid: typeof n.bssid === 'string' ? n.bssid.toLowerCase() : '',
  }));
}

/**
 * Back onto a known network. node-wifi's connect always passes a password
 * (the text "undefined" when none is given), which would overwrite the
 * saved profile's secret; without one, nmcli finds the saved connection.
 */
function reconnect(ssid: string): Promise<void> {
  const args = ['-w', String(NMCLI_WAIT_S), 'device', 'wifi', 'connect', ssid, ...(iface === null ? [] : ['ifname', iface])];
  return new Promise((resolve, reject) => {
    execFile('nmcli', args, { env: process.env }, (err, _out, stderr) => {
      if (err) reject(new Error(String(stderr).trim() || err.message));
      else resolve();
    });
  });
}

/** nmcli needs the device to disconnect; with none configured, the one that is connected. */
async function disconnect(): Promise<undefined> {
  if (iface === null) {
    const dev = (await wifi.getCurrentConnections())[0]?.iface;
    if (typeof dev !== 'string' || dev === '') return undefined; // on no network: nothing to leave
    wifi.init({ iface: dev });
  }
  await wifi.disconnect();
  return undefined;
}

async function run(r: WifiRequest): Promise<WifiNetwork[] | undefined> {
  switch (r.op) {
    case 'current': return networks(await wifi.getCurrentConnections());
    case 'scan': return networks(await wifi.scan());
    // Relay points' networks are open (satchel's sessions are authenticated
    // and encrypted themselves); nmcli ignores a password an open AP does not use.
    case 'connect': await wifi.connect({ ssid: r.ssid, password: r.password ?? '' }); return undefined;
    case 'reconnect': await reconnect(r.ssid); return undefined;
    case 'disconnect': return disconnect();
  }
}

let queue: Promise<void> = Promise.resolve();

process.on('message', (m: unknown) => {
  const id = typeof m === 'object' && m !== null && Number.isSafeInteger((m as { id?: unknown }).id) ? (m as { id: number }).id : -1;
  const req = typeof m === 'object' && m !== null ? (m as { req?: unknown }).req : undefined;
  queue = queue.then(async () => {
    let answer: WifiAnswer;
    const problem = requestProblem(req);
    if (problem !== null) {
      answer = { id, ok: false, error: `refused: ${problem}` };
    } else {
      try {
        const found = await run(req as WifiRequest);
        answer = found === undefined ? { id, ok: true } : { id, ok: true, networks: found };
      } catch (err) {
        // One line: nmcli's message follows execFile's "Command failed: ..." on the next.
        answer = { id, ok: false, error: (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 500) };
      }
    }
    process.send?.(answer);
  });
});

// The daemon went away (or closed the channel): nothing left to answer.
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, ok: true });
