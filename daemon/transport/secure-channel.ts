/**
 * The session protocol as a state machine without I/O: bytes from the peer
 * go in, authenticated Frames come out, and whatever we must answer goes to
 * `write`. Keeping it apart from the socket lets the session own only the
 * lifecycle, and keeps every protocol rule in one place.
 */
import { SatchelError } from '../errors/satchel-error.js';
import { decodeFrame, encodeFrame, type Frame } from '../wire/messages.js';
import { AEAD_TAG_BYTES, FrameCipher } from './frame-cipher.js';
import { encodeLengthPrefixed, FrameReader } from './frame-reader.js';
import { Handshake, type HandshakeOptions, type PeerIdentity } from './handshake.js';
import { MAX_HANDSHAKE_FRAME_BYTES, type PlainFrameHook } from './session-options.js';

export interface SecureChannelOptions extends HandshakeOptions {
  /** Largest plaintext Frame in bytes once authenticated. */
  maxFrameBytes: number;
  /** Takes each length-prefixed wire frame to send. */
  write(wire: Uint8Array): void;
  onAuthenticated(peer: PeerIdentity): void;
  onPlainFrame?: PlainFrameHook | undefined;
}

type Phase = 'hello' | 'auth' | 'open';

export class SecureChannel {
  readonly #opts: SecureChannelOptions;
  readonly #handshake: Handshake;
  // Strangers get only a small buffer until they have proved who they are.
  readonly #reader = new FrameReader(MAX_HANDSHAKE_FRAME_BYTES);
  #phase: Phase = 'hello';
  #send: FrameCipher | undefined;
  #recv: FrameCipher | undefined;

  constructor(opts: SecureChannelOptions) {
    this.#opts = opts;
    this.#handshake = new Handshake(opts);
  }

  get authenticated(): boolean {
    return this.#phase === 'open';
  }

  /** Bytes of a frame the peer has begun but not finished. */
  get bufferedBytes(): number {
    return this.#reader.bufferedBytes;
  }

  /** The initiator speaks first; the responder waits for its Hello. */
  start(): void {
    if (this.#opts.initiator) this.#writePlain(this.#handshake.hello);
  }

  /**
   * Yields each application Frame that `chunk` completes. Throws a
   * SatchelError for anything the peer got wrong; the channel is then dead.
   */
  *feed(chunk: Uint8Array): Generator<Frame, void, undefined> {
    for (const wire of this.#reader.feed(chunk)) {
      const frame = this.#receive(wire);
      if (frame) yield frame;
    }
  }

  /** Seals and writes an application frame already encoded. */
  sendEncoded(plain: Uint8Array): void {
    if (this.#phase !== 'open') throw SatchelError.closed('unauthenticated session');
    if (plain.length > this.#opts.maxFrameBytes) throw SatchelError.frameTooLarge(plain.length, this.#opts.maxFrameBytes);
    this.#writeSealed(plain, this.#opts.maxFrameBytes + AEAD_TAG_BYTES);
  }

  #receive(wire: Uint8Array): Frame | undefined {
    const hs = this.#handshake;
    if (this.#phase === 'hello') {
      this.#opts.onPlainFrame?.('in', wire);
      const keys = hs.receiveHello(wire);
      this.#send = new FrameCipher(keys.send);
      this.#recv = new FrameCipher(keys.recv);
      this.#phase = 'auth';
      if (!this.#opts.initiator) {
        this.#writePlain(hs.hello);
        this.#writeSealed(encodeFrame(hs.authFrame()), MAX_HANDSHAKE_FRAME_BYTES);
      }
      return undefined;
    }
    const frame = this.#open(wire);
    if (this.#phase === 'auth') {
      const peer = hs.verifyAuth(frame);
      if (this.#opts.initiator) this.#writeSealed(encodeFrame(hs.authFrame()), MAX_HANDSHAKE_FRAME_BYTES);
      this.#phase = 'open';
      this.#reader.maxFrameBytes = this.#opts.maxFrameBytes + AEAD_TAG_BYTES;
      this.#opts.onAuthenticated(peer);
      return undefined;
    }
    if (frame.auth) throw SatchelError.badFrame('second Auth in a session');
    return frame;
  }

  #open(wire: Uint8Array): Frame {
    if (!this.#recv) throw SatchelError.handshakeFailed('encrypted frame before Hello');
    const plain = this.#recv.open(wire);
    this.#opts.onPlainFrame?.('in', plain);
    return decodeFrame(plain);
  }

  #writePlain(bytes: Uint8Array): void {
    this.#opts.onPlainFrame?.('out', bytes);
    this.#opts.write(encodeLengthPrefixed(bytes, MAX_HANDSHAKE_FRAME_BYTES));
  }

  /** `maxWireBytes` bounds the sealed frame: the peer's reader would refuse anything longer. */
  #writeSealed(plain: Uint8Array, maxWireBytes: number): void {
    if (!this.#send) throw SatchelError.handshakeFailed('sealing before Hello');
    if (plain.length + AEAD_TAG_BYTES > maxWireBytes) throw SatchelError.frameTooLarge(plain.length + AEAD_TAG_BYTES, maxWireBytes);
    this.#opts.onPlainFrame?.('out', plain);
    this.#opts.write(encodeLengthPrefixed(this.#send.seal(plain), maxWireBytes));
  }
}
