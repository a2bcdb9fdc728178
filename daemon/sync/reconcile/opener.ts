/**
 * The opener's side (the lower node id): it states its count and digest,
 * then subtracts each sketch the answerer sends from its own and peels,
 * asking for a larger sketch sized from the failed one, or for the plain
 * list once a sketch would cost more. It ends by sending `want` and `done`,
 * and is the side that learns the whole difference.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import { saltFor } from './cell-hash.js';
import { nextCells } from './estimate.js';
import { compact, only, packPrefixes, prefixKeys, readFields, type Fields } from './fields.js';
import { peel, sketchOf, subtract, unpackSketch, type PeelResult } from './iblt.js';
import { prefixKey } from './id-set.js';
import { listIsCheaper } from './limits.js';
import { inSyncResult, type ReconcileResult, type Reconciler, type RoleOptions, type Step } from './outcome.js';

/** What the current round asked the answerer for. */
type Asked = 'choice' | 'list' | { cells: number };

const keyBytes = (key: string): Uint8Array => Uint8Array.from(key, (c) => c.charCodeAt(0));

export function createOpener({ set, random, limits }: RoleOptions): Reconciler {
  let phase: 'new' | 'waiting' | 'finished' = 'new';
  let round = 0;
  let digest: Uint8Array = new Uint8Array(0);
  let salt = 0;
  let asked: Asked = 'choice';
  let listing: { count: number; keys: Set<string> } | undefined;

  const checkCount = (n: number): void => {
    if (n > limits.maxPeerIds) throw SatchelError.badFrame(`peer claims ${n} ids; the limit is ${limits.maxPeerIds}`);
  };

  function finish(outcome: ReconcileResult): Step {
    phase = 'finished';
    round++;
    const parts = packPrefixes(outcome.weLack, limits.idsPerMessage);
    const replies = parts.map((want, i) => compact({ round, want, done: i === parts.length - 1 }));
    return { replies, result: outcome };
  }

  /** The difference a complete peel found, if it agrees with what this side holds and the peer's count. */
  function resolve(peeled: PeelResult, peerCount: number): ReconcileResult | undefined {
    const theyLack: Uint8Array[] = [];
    for (const p of peeled.plus) {
      const id = set.byPrefix(p);
      if (id === undefined) return undefined;
      theyLack.push(id);
    }
    if (peeled.minus.some((p) => set.byPrefix(p) !== undefined)) return undefined;
    if (set.size - theyLack.length + peeled.minus.length !== peerCount) return undefined;
    return { theyLack, weLack: peeled.minus, inSync: false };
  }

  function request(peeled: PeelResult, peerCount: number): Step {
    const net = set.size - peerCount - (peeled.plus.length - peeled.minus.length);
    const next = nextCells(peeled.residual, peeled.plus.length + peeled.minus.length, net, limits);
    round++;
    if (round > limits.maxRounds - 2 || next > limits.maxCells || listIsCheaper(peerCount, next)) {
      asked = 'list';
      return { replies: [compact({ round })] };
    }
    const r = random(4);
    const seed = (r[0]! | (r[1]! << 8) | (r[2]! << 16) | (r[3]! << 24)) >>> 0;
    salt = saltFor(seed, digest);
    asked = { cells: next };
    return { replies: [compact({ round, cells: next, seed })] };
  }

  function onSketch(f: Fields): Step {
    only(f, ['count', 'cells', 'sketch'], 'sketch');
    if (asked === 'list' || listing !== undefined) throw SatchelError.badFrame('a sketch where the list was due');
    if (typeof asked === 'object' && f.cells !== asked.cells) throw SatchelError.badFrame(`sketch of ${f.cells} cells; ${asked.cells} were asked for`);
    if (f.cells > limits.maxCells) throw SatchelError.badFrame(`sketch of ${f.cells} cells; the limit is ${limits.maxCells}`);
    checkCount(f.count);
    const theirs = unpackSketch(f.sketch, f.cells, salt);
    const peeled = peel(subtract(sketchOf(set, f.cells, salt), theirs));
    const outcome = peeled.complete ? resolve(peeled, f.count) : undefined;
    return outcome ? finish(outcome) : request(peeled, f.count);
  }

  function onList(f: Fields): Step {
    only(f, ['count', 'have'], 'list');
    checkCount(f.count);
    listing ??= { count: f.count, keys: new Set() };
    if (f.count !== listing.count) throw SatchelError.badFrame('the parts of a list disagree on its count');
    const keys = prefixKeys(f.have, 'have');
    if (keys.length === 0 && listing.count > 0) throw SatchelError.badFrame('an empty part of a list');
    if (listing.keys.size + keys.length > listing.count) throw SatchelError.badFrame('a list longer than its count');
    for (const k of keys) {
      if (listing.keys.has(k)) throw SatchelError.badFrame('an id twice in a list');
      listing.keys.add(k);
    }
    if (listing.keys.size < listing.count) return { replies: [] };
    const theirs = listing.keys;
    const theyLack: Uint8Array[] = [];
    for (const id of set) if (!theirs.has(prefixKey(id))) theyLack.push(id);
    const weLack: Uint8Array[] = [];
    for (const k of theirs) {
      const p = keyBytes(k);
      if (set.byPrefix(p) === undefined) weLack.push(p);
    }
    return finish({ theyLack, weLack, inSync: false });
  }

  return {
    get finished() {
      return phase === 'finished';
    },
    start() {
      if (phase !== 'new') throw SatchelError.invalidArgument('reconciliation already started');
      phase = 'waiting';
      digest = set.digest();
      salt = saltFor(0, digest);
      return compact({ count: set.size, digest });
    },
    receive(msg) {
      const f = readFields(msg);
      if (phase !== 'waiting') throw SatchelError.badFrame(phase === 'new' ? 'a reconcile reply before the opening' : 'a reconcile message after the end');
      if (f.round !== round) throw SatchelError.badFrame(`reconcile round ${f.round} where ${round} was due`);
      if (f.inSync) {
        only(f, ['inSync'], 'in_sync reply');
        if (round !== 0) throw SatchelError.badFrame('in_sync after round 0');
        phase = 'finished';
        return { replies: [], result: inSyncResult() };
      }
      return f.cells > 0 ? onSketch(f) : onList(f);
    },
  };
}
