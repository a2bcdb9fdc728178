/**
 * The session key exchange, SIGMA-I style, as pure logic (no sockets):
 * ephemeral X25519 Hellos in the clear, then each side signs the transcript
 * with its long-term Ed25519 node key inside the encrypted channel. Signing
 * the transcript hash binds the node key to these ephemerals, so a recorded
 * Auth is useless in any other session; the role byte stops a peer from
 * reflecting our own signature back at us. The responder proves itself
 * first, so the initiator names itself only to a peer it has verified.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import { decodeHello, encodeHello, WIRE_VERSION, type Frame, type IdentityCard } from '../wire/messages.js';
import { keyId as nodeKeyId, toHex } from '../crypto/keys.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const SESSION_LABEL = utf8('satchel/v1/session');
export const I2R_LABEL = utf8('satchel/v1/i2r');
export const R2I_LABEL = utf8('satchel/v1/r2i');
export const AUTH_LABEL = utf8('satchel/v1/auth');
export const ROLE_INITIATOR = 0x01;
export const ROLE_RESPONDER = 0x02;
export const X25519_KEY_BYTES = 32;
export const SESSION_KEY_BYTES = 32;
export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

export interface NodeKeyPair { secretKey: Uint8Array; publicKey: Uint8Array }
export interface SessionKeys { send: Uint8Array; recv: Uint8Array; transcriptHash: Uint8Array }
export interface PeerIdentity { nodeKey: Uint8Array; card: IdentityCard }

export interface HandshakeOptions {
  initiator: boolean;
  nodeKey: NodeKeyPair;
  card: IdentityCard;
  random: RandomBytes;
  /** Key id (see nodeKeyId) the peer must prove; anything else fails the handshake. */
  expectedPeerNodeId?: Uint8Array | undefined;
}

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const fail = (reason: string, cause?: unknown): SatchelError => SatchelError.handshakeFailed(reason, cause);

export class Handshake {
  readonly initiator: boolean;
  /** Our Hello exactly as it goes on the wire (without length prefix). */
  readonly hello: Uint8Array;
  readonly #opts: HandshakeOptions;
  readonly #ephemeralSecret: Uint8Array;
  #transcriptHash: Uint8Array | undefined;

  constructor(opts: HandshakeOptions) {
    this.#opts = opts;
    this.initiator = opts.initiator;
    this.#ephemeralSecret = opts.random(X25519_KEY_BYTES);
    this.hello = encodeHello({ version: WIRE_VERSION, ephemeral: x25519.getPublicKey(this.#ephemeralSecret) });
  }

  /** Takes the peer's Hello and derives the keys of both directions. */
  receiveHello(peerHello: Uint8Array): SessionKeys {
    if (this.#transcriptHash) throw fail('second Hello');
    const hello = decodeHello(peerHello);
    if (hello.version !== WIRE_VERSION) throw fail(`peer speaks wire version ${hello.version ?? 0}, this node ${WIRE_VERSION}`);
    const theirs = hello.ephemeral;
    if (!theirs || theirs.length !== X25519_KEY_BYTES) throw fail('peer ephemeral key is not 32 bytes');
    let shared: Uint8Array;
    try {
      shared = x25519.getSharedSecret(this.#ephemeralSecret, theirs);
    } catch (err) {
      throw fail('peer ephemeral key is of low order', err);
    } finally {
      this.#ephemeralSecret.fill(0);
    }
    // noble rejects low-order keys already; this keeps the promise if its default changes.
    if (shared.every((b) => b === 0)) throw fail('all-zero shared secret');
    const [first, second] = this.initiator ? [this.hello, peerHello] : [peerHello, this.hello];
    const th = sha256.create().update(SESSION_LABEL).update(first).update(second).digest();
    this.#transcriptHash = th;
    const i2r = hkdf(sha256, shared, th, I2R_LABEL, SESSION_KEY_BYTES);
    const r2i = hkdf(sha256, shared, th, R2I_LABEL, SESSION_KEY_BYTES);
    shared.fill(0);
    return this.initiator ? { send: i2r, recv: r2i, transcriptHash: th } : { send: r2i, recv: i2r, transcriptHash: th };
  }

  /** The first encrypted frame we send: our node key, its signature over the transcript, our card. */
  authFrame(): Frame {
    const { nodeKey, card } = this.#opts;
    const signature = ed25519.sign(this.#signedBytes(this.initiator ? ROLE_INITIATOR : ROLE_RESPONDER), nodeKey.secretKey);
    return { auth: { nodeKey: nodeKey.publicKey, signature, card } };
  }

  /** Checks the peer's first encrypted frame; returns who the peer is. */
  verifyAuth(frame: Frame): PeerIdentity {
    const auth = frame.auth;
    if (!auth) throw fail('first encrypted frame carries no Auth');
    if (frame.envelopes?.length || frame.stored?.length || frame.refused?.length || frame.done) {
      throw fail('Auth frame carries other fields');
    }
    const { nodeKey, signature, card } = auth;
    if (!nodeKey || nodeKey.length !== ED25519_PUBLIC_KEY_BYTES) throw fail('peer node key is not 32 bytes');
    if (!signature || signature.length !== ED25519_SIGNATURE_BYTES) throw fail('peer signature is not 64 bytes');
    if (!card) throw fail('Auth carries no identity card');
    if (equal(nodeKey, this.#opts.nodeKey.publicKey)) throw fail('peer presents our own node key');
    const peerRole = this.initiator ? ROLE_RESPONDER : ROLE_INITIATOR;
    let valid = false;
    try {
      valid = ed25519.verify(signature, this.#signedBytes(peerRole), nodeKey);
    } catch {
      valid = false;
    }
    if (!valid) throw fail('peer signature does not verify with the node key it sent');
    const expected = this.#opts.expectedPeerNodeId;
    if (expected && !equal(nodeKeyId(nodeKey), expected)) {
      throw fail(`peer is node ${toHex(nodeKeyId(nodeKey))}, expected ${toHex(expected)}`);
    }
    return { nodeKey: Uint8Array.from(nodeKey), card };
  }

  #signedBytes(role: number): Uint8Array {
    const th = this.#transcriptHash;
    if (!th) throw fail('Auth before Hello');
    const out = new Uint8Array(AUTH_LABEL.length + 1 + th.length);
    out.set(AUTH_LABEL, 0);
    out[AUTH_LABEL.length] = role;
    out.set(th, AUTH_LABEL.length + 1);
    return out;
  }
}
