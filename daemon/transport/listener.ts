/**
 * Accepts link sessions from neighbours. Strangers are cheap until they
 * authenticate, and only so many may be mid-handshake at once, so a flood of
 * connections costs a bounded amount of memory and no crypto beyond that.
 */
import net from 'node:net';
import { SatchelError } from '../errors/satchel-error.js';
import { TRANSPORT_COUNTERS } from './counter-names.js';
import { normalizeHost } from './host.js';
import { openSession, type Session } from './session.js';
import type { SessionOptions } from './session-options.js';

/** Inbound connections allowed between accept and authentication; more are dropped at once. */
export const MAX_PENDING_HANDSHAKES = 32;

export interface ListenerOptions extends SessionOptions {
  host: string;
  /** 0 picks a free port; start() reports it. */
  port: number;
  maxPendingHandshakes?: number | undefined;
  /** Takes ownership of each authenticated session; the listener never closes it. */
  onSession(session: Session): void;
}

export interface Listener {
  start(): Promise<{ port: number }>;
  /** Stops accepting and drops connections still in the handshake. Idempotent. */
  close(): Promise<void>;
  readonly pendingHandshakes: number;
}

export function createListener(opts: ListenerOptions): Listener {
  const maxPending = opts.maxPendingHandshakes ?? MAX_PENDING_HANDSHAKES;
  const pending = new Set<net.Socket>();
  let closed = false;
  let started: Promise<{ port: number }> | undefined;

  const accept = (socket: net.Socket): void => {
    if (closed || pending.size >= maxPending) {
      opts.counters.bump(TRANSPORT_COUNTERS.inboundRefused);
      socket.destroy();
      return;
    }
    pending.add(socket);
    openSession({ ...opts, socket, initiator: false }).then(
      (session) => {
        pending.delete(socket);
        if (closed) return session.destroy(SatchelError.closed('listener'));
        try {
          opts.onSession(session);
        } catch (err) {
          opts.logger.error('onSession threw; session dropped', { error: (err as Error).message });
          session.destroy(err as Error);
        }
      },
      // Already counted and logged by the session.
      () => pending.delete(socket),
    );
  };

  const server = net.createServer({ noDelay: true }, accept);
  server.on('error', (err) => opts.logger.warn('listener error', { error: err.message }));

  return {
    get pendingHandshakes() { return pending.size; },
    start() {
      started ??= new Promise((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        server.once('error', onError);
        server.listen({ host: normalizeHost(opts.host), port: opts.port }, () => {
          server.off('error', onError);
          const address = server.address() as net.AddressInfo;
          opts.logger.info('listening', { host: opts.host, port: address.port });
          resolve({ port: address.port });
        });
      });
      return started;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Authenticated sessions belong to onSession's owner, so do not wait for them to end.
      if (server.listening) server.close();
      for (const socket of pending) socket.destroy();
      pending.clear();
    },
  };
}
