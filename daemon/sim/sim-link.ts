/**
 * A radio link between two simulated laptops, standing in for the TCP
 * session the daemon would open (daemon/transport/session.ts): the peer
 * links on both sides are the daemon's own, only the bytes travel here.
 *
 * Each frame is encoded as the session would encode it, takes
 * wire bytes / bandwidth seconds on the air, and arrives decoded from those
 * bytes. The two directions share one medium (WLAN is half-duplex, and the
 * ONE also moves one thing at a time per connection), first come first
 * served. When the contact ends, whatever has not finished crossing is lost,
 * as it would be when a laptop walks out of range; nothing acknowledged it,
 * so the sender offers it again at the next meeting.
 */
import { EventEmitter } from 'node:events';
import { SatchelError } from '../errors/satchel-error.js';
import { AEAD_TAG_BYTES } from '../transport/frame-cipher.js';
import { decodeFrame, encodeFrame, MAX_FRAME_BYTES, type Frame } from '../wire/messages.js';
import type { LinkSession } from '../sync/peer-link.js';
import type { SimClock } from './sim-clock.js';

/** Default link bandwidth, in bytes per second: the ONE's Bluetooth-class interface in its default scenario (250 kB/s). */
export const DEFAULT_BANDWIDTH_BYTES_PER_S = 250_000;

/** Bytes a frame takes on the wire: the encrypted frame with its AEAD tag, after a varint length. */
export function wireBytes(frameBytes: number): number {
  const sealed = frameBytes + AEAD_TAG_BYTES;
  let prefix = 1;
  for (let n = sealed; n >= 0x80; n = Math.floor(n / 0x80)) prefix++;
  return prefix + sealed;
}

export interface LinkObserver {
  /** A frame finished crossing (or `fraction` of it did when the link was cut). */
  frame(from: number, frame: Frame, wire: number, fraction: number): void;
}

interface SimLinkEvents {
  frame: [frame: Frame];
  close: [err: Error | undefined];
}

/** One side of a simulated link, as a peer link sees it. */
export class SimSession extends EventEmitter<SimLinkEvents> implements LinkSession {
  readonly #link: LinkCore;
  readonly #side: 0 | 1;

  constructor(link: LinkCore, side: 0 | 1) {
    super();
    this.#link = link;
    this.#side = side;
  }

  get closed(): boolean { return this.#link.closed; }

  /** Throws CLOSED on a cut link and FRAME_TOO_LARGE (link stays up) like the real session. */
  send(frame: Frame): void {
    if (this.#link.closed) throw SatchelError.closed('session');
    const bytes = encodeFrame(frame);
    if (bytes.length > MAX_FRAME_BYTES) throw SatchelError.frameTooLarge(bytes.length, MAX_FRAME_BYTES);
    this.#link.transmit(this.#side, bytes);
  }

  destroy(err?: Error): void {
    this.#link.cut(err);
  }
}

interface InAir {
  from: 0 | 1;
  bytes: Uint8Array;
  wire: number;
  startMs: number;
  endMs: number;
}

class LinkCore {
  closed = false;
  readonly sides: [SimSession, SimSession];
  #busyUntil: number;
  readonly #inAir = new Set<InAir>();
  readonly #timers = new Set<{ cancel(): void }>();

  constructor(readonly clock: SimClock, readonly bytesPerMs: number, readonly observer: LinkObserver | undefined) {
    this.sides = [new SimSession(this, 0), new SimSession(this, 1)];
    this.#busyUntil = clock.monotonic();
  }

  transmit(from: 0 | 1, bytes: Uint8Array): void {
    const wire = wireBytes(bytes.length);
    const startMs = Math.max(this.clock.monotonic(), this.#busyUntil);
    const endMs = startMs + wire / this.bytesPerMs;
    this.#busyUntil = endMs;
    const item: InAir = { from, bytes, wire, startMs, endMs };
    this.#inAir.add(item);
    const timer = this.clock.at(endMs, () => {
      this.#timers.delete(timer);
      this.#inAir.delete(item);
      if (this.closed) return;
      const frame = decodeFrame(item.bytes);
      this.observer?.frame(from, frame, wire, 1);
      this.sides[from === 0 ? 1 : 0].emit('frame', frame);
    });
    this.#timers.add(timer);
  }

  cut(err?: Error): void {
    if (this.closed) return;
    this.closed = true;
    const now = this.clock.monotonic();
    for (const t of this.#timers) t.cancel();
    this.#timers.clear();
    for (const item of this.#inAir) {
      // The frame on the air when the contact ended was partly sent: those bytes were spent.
      if (item.startMs < now && this.observer !== undefined) {
        const fraction = Math.min(1, (now - item.startMs) / (item.endMs - item.startMs));
        this.observer.frame(item.from, decodeFrame(item.bytes), item.wire, fraction);
      }
    }
    this.#inAir.clear();
    // Like a socket's close, told after the current event, to both sides.
    this.clock.at(now, () => {
      for (const s of this.sides) s.emit('close', err);
    });
  }
}

export interface SimLink {
  readonly a: SimSession;
  readonly b: SimSession;
  readonly closed: boolean;
  /** The contact ended. */
  cut(): void;
}

export function createSimLink(clock: SimClock, bandwidthBytesPerS: number, observer?: LinkObserver): SimLink {
  if (!(Number.isFinite(bandwidthBytesPerS) && bandwidthBytesPerS > 0)) {
    throw SatchelError.invalidArgument('bandwidth must be a positive number of bytes per second');
  }
  const core = new LinkCore(clock, bandwidthBytesPerS / 1000, observer);
  return {
    a: core.sides[0],
    b: core.sides[1],
    get closed() { return core.closed; },
    cut: () => core.cut(),
  };
}
