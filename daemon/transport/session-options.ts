/**
 * What every session needs from the daemon, shared by openSession, the
 * listener and connectSession, and the limits that bound a session.
 */
import type net from 'node:net';
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { RandomBytes } from '../util/random.js';
import type { IdentityCard } from '../wire/messages.js';
import type { NodeKeyPair } from './handshake.js';

/** From socket open to mutual authentication, in milliseconds. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;
/** How long a graceful close waits for the peer's FIN before forcing, in milliseconds. */
export const CLOSE_TIMEOUT_MS = 5_000;
/**
 * Largest frame, in bytes, accepted before the peer is authenticated. A Hello
 * is about 40 bytes and an Auth about 350 (card with a 64-byte name), so this
 * leaves room to grow while an unauthenticated stranger costs us little.
 */
export const MAX_HANDSHAKE_FRAME_BYTES = 2 * 1024;

/** Receives every plaintext frame: Hellos as sent, Frames before sealing or after opening. */
export type PlainFrameHook = (direction: 'in' | 'out', bytes: Uint8Array) => void;

export interface SessionOptions {
  nodeKey: NodeKeyPair;
  card: IdentityCard;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  counters: Counters;
  /** Debugging aid: sees plaintext, so never wire it to a log in production. */
  onPlainFrame?: PlainFrameHook | undefined;
  /** Largest plaintext Frame in bytes, at most MAX_FRAME_BYTES (the default). */
  maxFrameBytes?: number | undefined;
  handshakeTimeoutMs?: number | undefined;
  closeTimeoutMs?: number | undefined;
}

export interface OpenSessionOptions extends SessionOptions {
  socket: net.Socket;
  /** True on the side that opened the TCP connection. */
  initiator: boolean;
  /** Node key id (nodeKeyId) the peer must prove to be. */
  expectedPeerNodeId?: Uint8Array | undefined;
}
