/**
 * Opens a link session to a neighbour: TCP connect (bounded in time, since a
 * neighbour that walked out of radio range never answers), then the handshake
 * as initiator.
 */
import net from 'node:net';
import { SatchelError } from '../errors/satchel-error.js';
import { TRANSPORT_COUNTERS } from './counter-names.js';
import { normalizeHost } from './host.js';
import { openSession, type Session } from './session.js';
import type { SessionOptions } from './session-options.js';

/** From connect() to an established TCP connection, in milliseconds. */
export const CONNECT_TIMEOUT_MS = 5_000;

export interface ConnectOptions extends SessionOptions {
  /** IP address or name; link-local IPv6 needs its scope, e.g. `fe80::1%wlan0`. */
  host: string;
  port: number;
  connectTimeoutMs?: number | undefined;
  /** Node key id (nodeKeyId) the peer must prove to be. */
  expectedPeerNodeId?: Uint8Array | undefined;
}

export function connectSession(opts: ConnectOptions): Promise<Session> {
  const timeoutMs = opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const host = normalizeHost(opts.host);
  return new Promise<Session>((resolve, reject) => {
    const socket = net.connect({ host, port: opts.port, noDelay: true });
    const refuse = (reason: string, cause?: unknown): void => {
      socket.destroy();
      opts.counters.bump(TRANSPORT_COUNTERS.connectFailed);
      reject(SatchelError.handshakeFailed(`cannot connect to ${host} port ${opts.port}: ${reason}`, cause));
    };
    const timer = opts.clock.setTimeout(() => refuse(`no answer within ${timeoutMs} ms`), timeoutMs);
    const onError = (err: Error): void => {
      timer.cancel();
      refuse(err.message, err);
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      timer.cancel();
      socket.off('error', onError);
      // The session takes over the socket (and its errors) in this same tick.
      openSession({ ...opts, socket, initiator: true }).then(resolve, reject);
    });
  });
}
