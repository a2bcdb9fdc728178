#!/usr/bin/env node
/**
 * Group overhead: what a group message costs beyond its body, and what a
 * rekey after a removal costs, for groups of 5, 30 and 200 members, with the
 * compiled group code (dist/daemon/groups/) and the real 1:1 sealing.
 *
 * Baseline, in the same run: the same message sealed 1:1 to each other
 * member with sealEnvelope (what a sender without groups would do), warm
 * (pair keys cached, as the messenger's PairKeys is after the first message)
 * and cold (one X25519 per member). Bytes are counted as a carrier holds and
 * a link carries an envelope: the encoded Envelope plus its Frame.envelopes
 * tag and length; the per-frame transport cost (length prefix, session tag)
 * is shared by every envelope in a frame and left out of both sides.
 *
 * Rekey after a removal: the remove op as one group envelope (sealed under
 * the epoch it ends, so the removed member learns of it) plus one 1:1
 * envelope holding the new epoch key for each member who stays, the owner
 * aside. Timed from the owner's click to every envelope sealed (op signed,
 * log folded, keys sealed), cold and warm.
 *
 * Correctness is checked as it goes: one real member laptop is welcomed,
 * opens every group message, takes its new key after each removal and
 * opens a message sealed in the new epoch.
 *
 *   node scripts/bench/group-overhead.mjs [--quick] [--json]
 */
import { ensureBuilt, importDist, median, report, round, runMain } from './lib/common.mjs';
import { varintBytes } from './lib/varint.mjs';

const SIZES = [5, 30, 200];
const BODY_BYTES = 60;
const SAMPLE_TEXT = 'Meet me at the library after class and bring the drawing of the river you made. ';
/** Timing repetitions: group seals, warm fan-outs, cold fan-outs, removals of each kind (fewer in small groups). */
const REPS = { seal: 200, warm: 20, cold: 3, removals: 3 };
const QUICK_REPS = { seal: 20, warm: 3, cold: 1, removals: 1 };

const NEEDED = [
  'daemon/groups/group-actions.js', 'daemon/groups/group-book.js', 'daemon/groups/owner-flows.js',
  'daemon/crypto/seal.js', 'daemon/crypto/keys.js', 'daemon/wire/messages.js', 'daemon/messenger/lifetime.js',
  'daemon/util/random.js',
];

async function load() {
  const [actions, book, flows, seal, keys, wire, lifetime, random] = await Promise.all(NEEDED.map((p) => importDist(p)));
  return { ...actions, ...book, ...flows, ...seal, ...keys, ...wire, ...lifetime, ...random };
}

function timeMs(fn) {
  const t0 = performance.now();
  const r = fn();
  return { ms: performance.now() - t0, r };
}

async function main(opts) {
  ensureBuilt(NEEDED);
  const d = await load();
  const reps = opts.quick ? QUICK_REPS : REPS;
  const lifetimeS = d.wireLifetime(d.DEFAULT_LIFETIME_S);
  const text = SAMPLE_TEXT.repeat(2).slice(0, BODY_BYTES);
  const content = d.encodeContent({ text });
  /** Bytes of one envelope as carried: the Envelope and its Frame.envelopes tag and length. */
  const carried = (env) => {
    const len = d.encodeEnvelope(env).length;
    return 1 + varintBytes(len) + len;
  };
  const person = () => d.generateKeyPair(d.systemRandom);

  const rows = [];
  let breakdown;
  for (const n of SIZES) {
    const owner = person();
    const g = d.createGroup(owner, 'class', `Class of ${n}`, d.systemRandom);
    const book = new d.GroupBook({ me: owner, random: d.systemRandom });
    book.adopt(g.log, g.log.id, g.epochKey);
    const ctx = { book, owner, random: d.systemRandom, lifetimeS };
    const members = Array.from({ length: n - 1 }, person);
    for (const m of members.slice(0, -1)) d.invite(g.log, owner, m.publicKey);
    // The last member is a real laptop: welcomed 1:1, it must open everything measured.
    const real = members.at(-1);
    const realBook = new d.GroupBook({ me: real, random: d.systemRandom });
    const welcome = d.inviteMember(ctx, g.log.id, real.publicKey).direct[0];
    const welcomeOps = g.log.size;
    const take1to1 = (b, me, env) => {
      const opened = d.openEnvelope(env, me, [owner.publicKey]);
      if (opened === null) throw new Error('a 1:1 envelope from the owner did not open');
      const c = d.decodeContent(opened.content);
      if (b.take1to1(owner.publicKey, c.groupOps, c.groupKey) !== 'taken') throw new Error('group content not taken');
    };
    take1to1(realBook, real, welcome.envelope);
    const checkOpens = (env) => {
      const r = realBook.open(env);
      if (typeof r === 'string' || d.decodeContent(r.opened.content).text !== text) throw new Error(`member cannot open the group message: ${r}`);
    };

    // One group message.
    const seal = () => book.seal(g.log.id, content, lifetimeS).envelope;
    const groupEnv = seal();
    checkOpens(groupEnv);
    const groupSealMs = median(Array.from({ length: reps.seal }, () => timeMs(seal).ms));
    const groupBytes = carried(groupEnv);

    // The same message 1:1 to each other member.
    const others = members;
    const fanOut = (keys) => others.map((m) => d.sealEnvelope({ sender: owner, recipient: m.publicKey, content, lifetimeS, random: d.systemRandom, keys }).envelope);
    const warmKeys = new d.PairKeys();
    const fan = fanOut(warmKeys);
    if (d.openEnvelope(fan.at(-1), real, [owner.publicKey]) === null) throw new Error('1:1 baseline does not open');
    const fanBytes = fan.reduce((s, e) => s + carried(e), 0);
    const warmMs = median(Array.from({ length: reps.warm }, () => timeMs(() => fanOut(warmKeys)).ms));
    const coldMs = median(Array.from({ length: reps.cold }, () => timeMs(() => fanOut(new d.PairKeys())).ms));

    // Rekeys after removals: first with a cold pair-key cache, then warm.
    const removals = n >= 30 ? reps.removals : 1;
    const victims = members.slice(0, 2 * removals);
    const rekeys = [];
    for (let i = 0; i < victims.length; i++) {
      const cold = i < removals;
      // Warm: the cache the fan-out filled, as the owner's messenger has after writing to everyone once.
      const c = { ...ctx, pairKeys: cold ? new d.PairKeys() : warmKeys };
      const { ms, r } = timeMs(() => d.removeMember(c, g.log.id, victims[i].publicKey));
      const direct = r.direct.reduce((s, x) => s + carried(x.envelope), 0);
      const mine = r.direct.find((x) => d.keyIdHex(x.to) === d.keyIdHex(real.publicKey));
      take1to1(realBook, real, mine.envelope);
      if (typeof realBook.open(r.groupEnvelope.envelope) === 'string') throw new Error('member cannot open the remove op');
      checkOpens(seal());
      rekeys.push({ cold, ms, members: book.state(g.log.id).members.size + 1, keyEnvelopes: r.direct.length,
        opBytes: carried(r.groupEnvelope.envelope), keyBytes: direct, bytes: carried(r.groupEnvelope.envelope) + direct });
    }
    const first = rekeys[0];
    const rekey = {
      removedFromMembers: n, envelopes: 1 + first.keyEnvelopes, keyEnvelopes: first.keyEnvelopes, bytes: first.bytes,
      opEnvelopeBytes: first.opBytes, keyEnvelopeBytes: first.keyBytes / first.keyEnvelopes,
      msCold: median(rekeys.filter((x) => x.cold).map((x) => x.ms)), msWarm: median(rekeys.filter((x) => !x.cold).map((x) => x.ms)),
      samples: rekeys.length,
    };
    rows.push({
      members: n,
      group: { envelopeBytes: d.encodeEnvelope(groupEnv).length, carriedBytes: groupBytes, overheadBytes: groupBytes - BODY_BYTES, sealMs: groupSealMs },
      oneToOne: { envelopes: fan.length, carriedBytes: fanBytes, overheadBytes: fanBytes - BODY_BYTES, sealMsWarm: warmMs, sealMsCold: coldMs },
      ratio: {
        bytes: groupBytes / fanBytes, overhead: (groupBytes - BODY_BYTES) / (fanBytes - BODY_BYTES),
        sealMsWarm: groupSealMs / warmMs, rekeyBytesToFanOut: rekey.bytes / fanBytes, rekeyMsWarmToFanOutWarm: rekey.msWarm / warmMs,
        rekeyInGroupMessages: rekey.bytes / groupBytes,
      },
      rekey,
      welcome: { bytes: carried(welcome.envelope), ops: welcomeOps },
    });
    breakdown ??= groupBreakdown(d, groupEnv, content, text);
  }

  const figures = { benchmark: 'group-overhead', quick: opts.quick, bodyBytes: BODY_BYTES, lifetimeS: d.DEFAULT_LIFETIME_S, sizes: rows, breakdown };
  const pad = (v, w) => String(v).padStart(w);
  const f2 = (x) => round(x, 2).toFixed(2);
  const lines = [
    `group message vs the same ${BODY_BYTES}-byte text sealed 1:1 to each other member (bytes as carried: Envelope + Frame tag/len)`,
    '',
    ' members | group B | over B | 1:1 x n-1 B | over B | ratio | seal ms group | 1:1 warm | 1:1 cold',
    ...rows.map((r) => [
      pad(r.members, 8), pad(r.group.carriedBytes, 7), pad(r.group.overheadBytes, 6), pad(r.oneToOne.carriedBytes, 11),
      pad(r.oneToOne.overheadBytes, 6), pad(f2(r.ratio.bytes), 5), pad(r.group.sealMs.toFixed(3), 13), pad(r.oneToOne.sealMsWarm.toFixed(2), 8),
      pad(r.oneToOne.sealMsCold.toFixed(1), 8),
    ].join(' | ')),
    '',
    'rekey after a removal: the op to the group + the new key 1:1 to each who stays',
    ' members | envelopes | bytes | op B | key B each | ms cold | ms warm | x 1:1 fan-out B | x group msgs',
    ...rows.map((r) => [
      pad(r.members, 8), pad(r.rekey.envelopes, 9), pad(r.rekey.bytes, 5), pad(r.rekey.opEnvelopeBytes, 4), pad(round(r.rekey.keyEnvelopeBytes, 1), 10),
      pad(r.rekey.msCold.toFixed(1), 7), pad(r.rekey.msWarm.toFixed(1), 7), pad(f2(r.ratio.rekeyBytesToFanOut), 15), pad(round(r.ratio.rekeyInGroupMessages, 1), 12),
    ].join(' | ')),
    '',
    `one group message, ${breakdown.total} B beyond the body: ${Object.entries(breakdown.parts).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `welcome of the last invitee (whole log + key, 1:1): ${rows.map((r) => `${r.members}: ${r.welcome.bytes} B for ${r.welcome.ops} ops`).join('; ')}`,
  ];
  const big = rows.at(-1);
  const headline = `group overhead ${rows.map((r) => `${r.members}=${r.group.overheadBytes} B`).join(' ')} vs 1:1 fan-out ${rows.map((r) => `${r.oneToOne.overheadBytes} B`).join('/')}; `
    + `rekey of ${big.members}: ${(big.rekey.bytes / 1024).toFixed(1)} KB ${big.rekey.msWarm.toFixed(0)} ms warm ${big.rekey.msCold.toFixed(0)} ms cold (${f2(big.ratio.rekeyBytesToFanOut)} x one 1:1 fan-out)`;
  report(opts, { lines, headline, figures });
}

/** Where each byte of one group message beyond its body goes, from the encodings; checked against the envelope. */
function groupBreakdown(d, env, content, text) {
  const bodyBytes = new TextEncoder().encode(text).length;
  const envBytes = d.encodeEnvelope(env).length;
  const without = (field) => {
    const e = { ...env };
    delete e[field];
    return envBytes - d.encodeEnvelope(e).length;
  };
  const inner = { author: new Uint8Array(8), content, signature: new Uint8Array(64) };
  const innerBytes = d.encodeGroupMessage(inner).length;
  const innerWithout = (field) => {
    const m = { ...inner };
    delete m[field];
    return innerBytes - d.encodeGroupMessage(m).length;
  };
  const parts = {
    frameTagLen: 1 + varintBytes(envBytes),
    to: without('to'),
    nonce: without('nonce'),
    sealedTagLen: without('sealed') - env.sealed.length,
    sealTag: env.sealed.length - innerBytes,
    author: innerWithout('author'),
    signature: innerWithout('signature'),
    contentTagLen: innerWithout('content') - content.length,
    textTagLen: content.length - bodyBytes,
  };
  const total = Object.values(parts).reduce((s, v) => s + v, 0);
  if (total + bodyBytes !== 1 + varintBytes(envBytes) + envBytes) throw new Error(`breakdown says ${total} B, the envelope carries ${1 + varintBytes(envBytes) + envBytes - bodyBytes} B`);
  return { parts, total };
}

runMain(main);
