/**
 * One authenticated, encrypted link to a neighbour over a TCP socket. The
 * caller only ever holds a session whose peer has proved its node key.
 * Anything the peer sends that does not fit (bad ciphertext, undecodable or
 * oversized frame, a second Auth) ends the session: a peer that breaks the
 * stream once cannot be trusted to resynchronise.
 */
import { EventEmitter } from 'node:events';
import type net from 'node:net';
import { SatchelError, isSatchelError } from '../errors/satchel-error.js';
import type { TimerHandle } from '../util/clock.js';
import { encodeFrame, MAX_FRAME_BYTES, type Frame, type IdentityCard } from '../wire/messages.js';
import { counterFor, TRANSPORT_COUNTERS, type TransportCounter } from './counter-names.js';
import type { PeerIdentity } from './handshake.js';
import { keyId as nodeKeyId, toHex } from '../crypto/keys.js';
import { SecureChannel } from './secure-channel.js';
import { CLOSE_TIMEOUT_MS, HANDSHAKE_TIMEOUT_MS, type OpenSessionOptions } from './session-options.js';

export interface SessionEvents {
  frame: [frame: Frame];
  /** Once; `err` is undefined after a graceful close by either side. */
  close: [err: Error | undefined];
  drain: [];
}
type State = 'handshake' | 'open' | 'closing' | 'closed';

/** Resolves once both sides are authenticated; rejects, with the socket destroyed, otherwise. */
export function openSession(opts: OpenSessionOptions): Promise<Session> {
  return Session.open(opts);
}

export class Session extends EventEmitter<SessionEvents> {
  readonly initiator: boolean;
  /** Peer address as the socket saw it; link-local IPv6 keeps its `%scope`. */
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly #opts: OpenSessionOptions;
  readonly #socket: net.Socket;
  readonly #channel: SecureChannel;
  #state: State = 'handshake';
  #peer: PeerIdentity | undefined;
  #error: Error | undefined;
  #queue: Frame[] = [];
  #timer: TimerHandle | undefined;
  #counts = { bytesIn: 0, bytesOut: 0, framesIn: 0, framesOut: 0 };
  #settleReady!: { resolve: (s: Session) => void; reject: (e: Error) => void };
  readonly #ready = new Promise<Session>((resolve, reject) => { this.#settleReady = { resolve, reject }; });
  #markClosed!: () => void;
  readonly #closed = new Promise<void>((resolve) => { this.#markClosed = resolve; });

  static open(opts: OpenSessionOptions): Promise<Session> {
    try {
      return new Session(opts).#ready;
    } catch (err) {
      opts.socket.destroy();
      return Promise.reject(err);
    }
  }

  private constructor(opts: OpenSessionOptions) {
    super();
    const maxFrameBytes = opts.maxFrameBytes ?? MAX_FRAME_BYTES;
    if (!Number.isInteger(maxFrameBytes) || maxFrameBytes < 1 || maxFrameBytes > MAX_FRAME_BYTES) {
      throw SatchelError.config('maxFrameBytes', `must be an integer from 1 to ${MAX_FRAME_BYTES}`);
    }
    if (opts.socket.destroyed) throw SatchelError.closed('socket');
    this.#opts = opts;
    this.#socket = opts.socket;
    this.initiator = opts.initiator;
    this.remoteAddress = opts.socket.remoteAddress ?? '';
    this.remotePort = opts.socket.remotePort ?? 0;
    this.#channel = new SecureChannel({
      ...opts, maxFrameBytes, write: (wire) => this.#write(wire), onAuthenticated: (peer) => this.#becomeOpen(peer),
    });
    const timeoutMs = opts.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS;
    this.#timer = opts.clock.setTimeout(() => this.#fail(
      SatchelError.handshakeFailed(`peer not authenticated within ${timeoutMs} ms`), TRANSPORT_COUNTERS.handshakeTimeout,
    ), timeoutMs);
    this.#socket.setNoDelay(true);
    this.#socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#socket.on('end', () => this.#onEnd());
    this.#socket.on('error', (err) => this.#fail(err, TRANSPORT_COUNTERS.socketError));
    this.#socket.on('close', () => this.#onSocketClose());
    this.#socket.on('drain', () => this.emit('drain'));
    // Frames wait, with reading paused, until someone listens: none is lost
    // between openSession resolving and the caller subscribing.
    (this as EventEmitter).on('newListener', (event) => {
      if (event === 'frame') process.nextTick(() => this.#drainQueue());
    });
    this.#channel.start();
  }

  get peerNodeKey(): Uint8Array { return this.#identity().nodeKey; }
  get peerNodeId(): Uint8Array { return nodeKeyId(this.#identity().nodeKey); }
  /** The card the peer presented, unverified: checking it is the caller's job. */
  get peerCard(): IdentityCard { return this.#identity().card; }
  /** Raw bytes on the socket, handshake included. */
  get bytesIn(): number { return this.#counts.bytesIn; }
  get bytesOut(): number { return this.#counts.bytesOut; }
  /** Frames after the handshake (Hello and Auth are not counted). */
  get framesIn(): number { return this.#counts.framesIn; }
  get framesOut(): number { return this.#counts.framesOut; }
  /** Bytes accepted by send() but not yet taken by the kernel; see the 'drain' event. */
  get pendingOutBytes(): number { return this.#socket.writableLength; }
  get closed(): boolean { return this.#state === 'closing' || this.#state === 'closed'; }

  /** Throws CLOSED after close()/destroy(), FRAME_TOO_LARGE (session stays open) for an oversized frame. */
  send(frame: Frame): void {
    if (this.#state !== 'open') throw SatchelError.closed('session');
    if (frame.auth) throw SatchelError.invalidArgument('Frame.auth is sent by the handshake only');
    const plain = encodeFrame(frame);
    try {
      this.#channel.sendEncoded(plain);
    } catch (err) {
      if (!isSatchelError(err, 'FRAME_TOO_LARGE')) this.destroy(err as Error);
      throw err;
    }
    this.#counts.framesOut++;
  }

  /** Sends what is queued, then FIN; forces the close if the peer does not answer in time. */
  close(): Promise<void> {
    if (this.#state === 'open') {
      this.#state = 'closing';
      this.#socket.end();
      this.#timer = this.#opts.clock.setTimeout(() => this.destroy(), this.#opts.closeTimeoutMs ?? CLOSE_TIMEOUT_MS);
    } else if (this.#state === 'handshake') {
      this.destroy();
    }
    return this.#closed;
  }

  /** Drops the connection now; unsent output is lost. `err` is passed on to 'close'. */
  destroy(err?: Error): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#error ??= err;
    this.#timer?.cancel();
    this.#queue = [];
    this.#settleReady.reject(err ?? SatchelError.closed('session'));
    this.#socket.destroy();
  }

  #identity(): PeerIdentity {
    if (!this.#peer) throw SatchelError.closed('unauthenticated session');
    return this.#peer;
  }

  #write(wire: Uint8Array): void {
    this.#counts.bytesOut += wire.length;
    this.#socket.write(wire);
  }

  #onData(chunk: Buffer): void {
    this.#counts.bytesIn += chunk.length;
    const frames = this.#channel.feed(chunk);
    while (this.#state !== 'closed') {
      let frame: Frame;
      try {
        const next = frames.next();
        if (next.done) return;
        frame = next.value;
      } catch (err) {
        this.#fail(isSatchelError(err) ? err : SatchelError.badFrame('unprocessable input', err));
        return;
      }
      this.#counts.framesIn++;
      this.#deliver(frame);
    }
  }

  #becomeOpen(peer: PeerIdentity): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#peer = peer;
    this.#state = 'open';
    this.#opts.counters.bump(TRANSPORT_COUNTERS.sessionsOpened);
    this.#opts.logger.info('session open', {
      peer: toHex(this.peerNodeId), remote: this.remoteAddress, initiator: this.initiator,
    });
    this.#settleReady.resolve(this);
  }

  #deliver(frame: Frame): void {
    if (this.#queue.length === 0 && this.listenerCount('frame') > 0) {
      this.emit('frame', frame);
      return;
    }
    this.#queue.push(frame);
    this.#socket.pause();
  }

  #drainQueue(): void {
    while (this.#queue.length > 0 && this.listenerCount('frame') > 0 && this.#state !== 'closed') {
      this.emit('frame', this.#queue.shift()!);
    }
    if (this.#queue.length === 0 && this.#state !== 'closed') this.#socket.resume();
  }

  #onEnd(): void {
    if (this.#channel.bufferedBytes > 0) {
      this.#fail(SatchelError.badFrame('connection ended inside a frame'), TRANSPORT_COUNTERS.truncated);
    } else if (this.#state === 'handshake') {
      this.#fail(SatchelError.handshakeFailed('peer closed the connection during the handshake'));
    } else {
      this.#socket.end();
    }
  }

  #onSocketClose(): void {
    if (this.#state === 'handshake') this.#fail(SatchelError.handshakeFailed('connection closed during the handshake'));
    this.#state = 'closed';
    this.#timer?.cancel();
    this.#queue = [];
    this.#markClosed();
    this.#opts.logger.debug('session closed', {
      remote: this.remoteAddress, bytesIn: this.bytesIn, bytesOut: this.bytesOut, error: this.#error?.message,
    });
    this.emit('close', this.#error);
  }

  /** Network trouble: always counted, logged as a warning only the first time per kind. */
  #fail(err: Error, counter?: TransportCounter): void {
    if (this.#state === 'closed') return;
    const name = counter ?? (isSatchelError(err) ? counterFor(err) : TRANSPORT_COUNTERS.socketError);
    const { counters, logger } = this.#opts;
    counters.bump(name);
    const fields = { reason: name, remote: this.remoteAddress, error: err.message };
    if (counters.snapshot()[name] === 1) logger.warn('session dropped', fields);
    else logger.debug('session dropped', fields);
    this.destroy(err);
  }
}
