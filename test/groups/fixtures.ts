/**
 * People and laptops for the group tests: deterministic keys, and a laptop
 * that takes envelopes as its daemon would (1:1 ones opened with the real
 * seal, group ones through its GroupBook).
 */
import { keyPairFromSecret, type KeyPair } from '../../daemon/crypto/keys.js';
import { openEnvelope } from '../../daemon/crypto/seal.js';
import { GroupBook } from '../../daemon/groups/group-book.js';
import type { GroupLog } from '../../daemon/groups/op-log.js';
import { seededRandom, type RandomBytes } from '../../daemon/util/random.js';
import { createCounters, type Counters } from '../../daemon/util/counters.js';
import { decodeContent, type Envelope, type GroupOp } from '../../daemon/wire/messages.js';

export function person(seed: number): KeyPair {
  return keyPairFromSecret(seededRandom(seed)(32));
}

export interface Laptop {
  name: string;
  user: KeyPair;
  book: GroupBook;
  counters: Counters;
  random: RandomBytes;
}

export function laptop(name: string, seed: number, user: KeyPair = person(seed)): Laptop {
  const counters = createCounters();
  const random = seededRandom(seed + 1000);
  return { name, user, counters, random, book: new GroupBook({ me: user, random, counters }) };
}

/** A 1:1 envelope from `sender` reaches `to`: opened with the real seal, its group parts given to the book. */
export function deliver1to1(to: Laptop, sender: KeyPair, env: Envelope): 'taken' | 'ignored' | 'unopened' {
  const opened = openEnvelope(env, to.user, [sender.publicKey]);
  if (opened === null) return 'unopened';
  const content = decodeContent(opened.content);
  return to.book.take1to1(opened.sender, content.groupOps, content.groupKey);
}

/** Seeded Fisher-Yates shuffle: the same seed gives the same order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const r = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const b = r(2);
    const j = ((b[0] as number) * 256 + (b[1] as number)) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What members compare: people and roles, name, epochs, void ops. */
export function summary(log: GroupLog): unknown {
  const s = log.state();
  return {
    name: s.name,
    members: [...s.members.values()].map((m) => `${m.id}:${m.status}`).sort(),
    epoch: s.epoch,
    epochs: s.epochs,
    voided: [...s.voided.entries()].sort(),
    ops: s.ops,
  };
}

export const wireOf = (ops: { wire: GroupOp }[]): GroupOp[] => ops.map((o) => o.wire);
