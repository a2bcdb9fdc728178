/**
 * Which buses `--bus` names, in the order to try them. 'auto' follows
 * satcheld's own order (system, session, then the private bus a daemon on
 * embedded defaults starts and advertises in `<state dir>/bus.address`), but
 * the CLI never starts a bus: a bus with no satcheld on it is no use to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SYSTEM_BUS_ADDRESS } from '../service/bus.js';
import { PRIVATE_BUS_ADDRESS_FILE } from '../service/private-bus.js';
import { defaultStateDir } from '../options.js';

export type CliBusKind = 'system' | 'session' | 'private' | 'address';

export interface BusCandidate {
  kind: CliBusKind;
  address: string;
}

export interface Skipped {
  kind: CliBusKind;
  why: string;
}

export interface Candidates {
  list: BusCandidate[];
  /** Buses 'auto' could not even try, with the reason, for the error message. */
  skipped: Skipped[];
}

type Env = Readonly<Record<string, string | undefined>>;

export function systemAddress(env: Env): string {
  return env['DBUS_SYSTEM_BUS_ADDRESS'] || DEFAULT_SYSTEM_BUS_ADDRESS;
}

/** Where a daemon started on embedded defaults writes its private bus address. */
export function privateAddressFile(env: Env): string {
  return join(defaultStateDir(env as NodeJS.ProcessEnv), PRIVATE_BUS_ADDRESS_FILE);
}

export function busCandidates(spec: string, env: Env): Candidates {
  const session = env['DBUS_SESSION_BUS_ADDRESS'];
  if (spec === 'system') return { list: [{ kind: 'system', address: systemAddress(env) }], skipped: [] };
  if (spec === 'session') {
    if (!session) return { list: [], skipped: [{ kind: 'session', why: 'DBUS_SESSION_BUS_ADDRESS is not set' }] };
    return { list: [{ kind: 'session', address: session }], skipped: [] };
  }
  if (spec !== 'auto') return { list: [{ kind: 'address', address: spec }], skipped: [] };

  const list: BusCandidate[] = [{ kind: 'system', address: systemAddress(env) }];
  const skipped: Skipped[] = [];
  if (session) list.push({ kind: 'session', address: session });
  else skipped.push({ kind: 'session', why: 'DBUS_SESSION_BUS_ADDRESS is not set' });
  const file = privateAddressFile(env);
  try {
    const address = readFileSync(file, 'utf8').trim();
    if (address !== '') list.push({ kind: 'private', address });
    else skipped.push({ kind: 'private', why: `${file} is empty` });
  } catch {
    skipped.push({ kind: 'private', why: `no ${file} (no daemon on embedded defaults here)` });
  }
  return { list, skipped };
}
