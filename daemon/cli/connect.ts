/**
 * Finding satcheld: the first bus `--bus` names on which org.satchel.Satchel1
 * has an owner. A bus without it is closed again and the next tried; the
 * error lists every bus tried and why, in the order tried.
 */
import { addressForDbusNext } from '../service/address.js';
import type { MessageBus } from '../service/dbus.js';
import { BUS_NAME } from '../service/names.js';
import { openBus } from '../service/open-bus.js';
import { busCandidates, type BusCandidate, type CliBusKind } from './bus-candidates.js';
import { CliError, toCliError } from './cli-error.js';
import { busLabel, CALL_TIMEOUT_MS, DBUS, makeClient, type DaemonClient } from './client.js';
import { EXIT } from './exit-codes.js';

export interface ConnectOptions {
  env: Readonly<Record<string, string | undefined>>;
  callTimeoutMs?: number;
}

/** Connects to the first bus of `spec` on which satcheld owns its name. */
export async function connectDaemon(spec: string, opts: ConnectOptions): Promise<DaemonClient> {
  const { list, skipped } = busCandidates(spec, opts.env);
  const tried: { kind: CliBusKind; text: string }[] = skipped.map((s) => ({ kind: s.kind, text: `${s.kind} bus: ${s.why}` }));
  const note = (c: BusCandidate, why: string): void => void tried.push({ kind: c.kind, text: `${busLabel(c.kind)} ${c.address}: ${why}` });
  for (const c of list) {
    try {
      addressForDbusNext(c.address);
    } catch (err) {
      if (spec !== 'auto') throw CliError.usage(`--bus ${JSON.stringify(spec)} is not a D-Bus address: ${(err as Error).message}`);
      note(c, 'not a usable address');
      continue;
    }
    let bus: MessageBus;
    try {
      bus = await openBus(c.address);
    } catch (err) {
      note(c, `cannot connect (${shortReason(err)})`);
      continue;
    }
    const client = makeClient(bus, c, opts.callTimeoutMs ?? CALL_TIMEOUT_MS);
    try {
      const [has] = await client.callAt(DBUS, DBUS.interface, 'NameHasOwner', 's', [BUS_NAME]);
      if (has === true) return client;
      note(c, `satcheld is not on it (nobody owns ${BUS_NAME})`);
    } catch (err) {
      note(c, toCliError(err).message);
    }
    await client.close();
  }
  const order: CliBusKind[] = ['system', 'session', 'private', 'address'];
  tried.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  throw new CliError(EXIT.UNREACHABLE, `satcheld is not running or not reachable (${tried.map((t) => t.text).join('; ')})`, {
    hint: "start it ('systemctl start satcheld'), see 'journalctl -u satcheld', or run 'satchel doctor'",
  });
}

function shortReason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/^configuration bus: cannot connect to \S+: /, '');
}
