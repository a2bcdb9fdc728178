/**
 * Varint-length-delimited framing of the session stream. The reader checks a
 * declared length against the limit the moment its varint ends, before a byte
 * of the payload is kept, so a peer cannot make us buffer more than the limit
 * by announcing a huge frame. It never allocates for a frame up front either:
 * what it holds is at most what the peer has actually sent of one frame.
 */
import { SatchelError } from '../errors/satchel-error.js';
import { MAX_FRAME_BYTES } from '../wire/messages.js';

/** A uint32 varint needs at most 5 bytes; a 6th means garbage or an attack. */
export const MAX_LENGTH_VARINT_BYTES = 5;

const CONTINUATION = 0x80;
const PAYLOAD_BITS = 0x7f;

export function encodeLengthPrefixed(payload: Uint8Array, maxFrameBytes = MAX_FRAME_BYTES): Uint8Array {
  if (payload.length > maxFrameBytes) throw SatchelError.frameTooLarge(payload.length, maxFrameBytes);
  const prefix: number[] = [];
  let n = payload.length;
  while (n >= CONTINUATION) {
    prefix.push((n & PAYLOAD_BITS) | CONTINUATION);
    n >>>= 7;
  }
  prefix.push(n);
  const out = new Uint8Array(prefix.length + payload.length);
  out.set(prefix, 0);
  out.set(payload, prefix.length);
  return out;
}

export class FrameReader {
  /** Applies from the next length prefix on, so it can be raised after a handshake. */
  maxFrameBytes: number;
  #lengthSoFar = 0;
  #lengthBytes = 0;
  /** Payload length of the frame being read, or -1 while reading its prefix. */
  #need = -1;
  #parts: Uint8Array[] = [];
  #have = 0;
  #failure: SatchelError | undefined;

  constructor(maxFrameBytes = MAX_FRAME_BYTES) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Bytes of an unfinished frame (prefix included) held right now. */
  get bufferedBytes(): number {
    return this.#lengthBytes + this.#have;
  }

  /**
   * Yields each frame completed by `chunk`, lazily: iterate to the end, or
   * the rest of the chunk is lost. Frames that fit in one chunk are views
   * into it, so copy one to keep it. After an error the reader stays failed.
   */
  *feed(chunk: Uint8Array): Generator<Uint8Array, void, undefined> {
    if (this.#failure) throw this.#failure;
    let off = 0;
    try {
      while (off < chunk.length) {
        if (this.#need < 0) {
          this.#readLengthByte(chunk[off++]!);
          if (this.#need === 0) {
            this.#need = -1;
            yield new Uint8Array(0);
          }
          continue;
        }
        const take = Math.min(this.#need - this.#have, chunk.length - off);
        const piece = chunk.subarray(off, off + take);
        off += take;
        if (this.#have + take < this.#need) {
          // A copy, so a small tail does not pin the socket's whole chunk.
          this.#parts.push(piece.slice());
          this.#have += take;
          continue;
        }
        const frame = this.#parts.length === 0 ? piece : Buffer.concat([...this.#parts, piece]);
        this.#parts = [];
        this.#have = 0;
        this.#need = -1;
        yield frame;
      }
    } catch (err) {
      this.#failure = err instanceof SatchelError ? err : SatchelError.badFrame('reader failed', err);
      this.#parts = [];
      throw this.#failure;
    }
  }

  #readLengthByte(b: number): void {
    this.#lengthSoFar += (b & PAYLOAD_BITS) * 2 ** (7 * this.#lengthBytes);
    this.#lengthBytes++;
    if (b & CONTINUATION) {
      if (this.#lengthBytes === MAX_LENGTH_VARINT_BYTES) {
        throw SatchelError.badFrame(`length prefix longer than ${MAX_LENGTH_VARINT_BYTES} bytes`);
      }
      return;
    }
    // Only one encoding per length, so the prefix cannot be rewritten unnoticed.
    if (b === 0 && this.#lengthBytes > 1) throw SatchelError.badFrame('length prefix not minimally encoded');
    const length = this.#lengthSoFar;
    this.#lengthSoFar = 0;
    this.#lengthBytes = 0;
    if (length > this.maxFrameBytes) throw SatchelError.frameTooLarge(length, this.maxFrameBytes);
    this.#need = length;
  }
}
