/**
 * Names under which the transport counts what happens on the wire, so that
 * technicians and tests can tell a flood of garbage from a tampering radio.
 */
import type { SatchelError } from '../errors/satchel-error.js';

export const TRANSPORT_COUNTERS = {
  sessionsOpened: 'transport.sessions_opened',
  handshakeFailed: 'transport.handshake_failed',
  handshakeTimeout: 'transport.handshake_timeout',
  decryptFailed: 'transport.decrypt_failed',
  badFrame: 'transport.bad_frame',
  frameTooLarge: 'transport.frame_too_large',
  truncated: 'transport.truncated',
  socketError: 'transport.socket_error',
  inboundRefused: 'transport.inbound_refused',
  connectFailed: 'transport.connect_failed',
} as const;

export type TransportCounter = (typeof TRANSPORT_COUNTERS)[keyof typeof TRANSPORT_COUNTERS];

export function counterFor(err: SatchelError): TransportCounter {
  switch (err.code) {
    case 'DECRYPT_FAILED': return TRANSPORT_COUNTERS.decryptFailed;
    case 'BAD_FRAME': return TRANSPORT_COUNTERS.badFrame;
    case 'FRAME_TOO_LARGE': return TRANSPORT_COUNTERS.frameTooLarge;
    default: return TRANSPORT_COUNTERS.handshakeFailed;
  }
}
