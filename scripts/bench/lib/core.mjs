/**
 * A daemon's core in the benchmark's own process, from the compiled parts
 * (dist/): an LMDB store in a temp directory, the messenger, and, when asked,
 * the session manager listening on loopback. The same parts, wired the same
 * way, as satcheld and test/fixtures/core-node.ts; discovery is replaced by
 * telling each core the other's port, as a heard beacon would.
 */
import { importDist } from './common.mjs';

export const CORE_MODULES = [
  'daemon/store/store.js', 'daemon/messenger/messenger.js', 'daemon/sync/session-manager.js', 'daemon/crypto/keys.js',
  'daemon/crypto/card.js', 'daemon/util/counters.js', 'daemon/util/log.js', 'daemon/util/clock.js', 'daemon/util/random.js',
];

export async function loadCore() {
  const [store, messenger, sessions, keys, card, counters, log, clock, random] = await Promise.all(CORE_MODULES.map((p) => importDist(p)));
  return {
    openStore: store.openStore, createMessenger: messenger.createMessenger, createSessionManager: sessions.createSessionManager,
    keyId: keys.keyId, keyIdHex: keys.keyIdHex, generateKeyPair: keys.generateKeyPair, makeCard: card.makeCard, verifyCard: card.verifyCard,
    createCounters: counters.createCounters, silentLogger: log.silentLogger, systemClock: clock.systemClock,
    systemRandom: random.systemRandom, WIRE_DEFAULT_LIFETIME: messenger.WIRE_DEFAULT_LIFETIME,
  };
}

/**
 * Store and messenger in `dir`; with `listen`, also the session manager on
 * 127.0.0.1. `stop()` closes them in reverse order, as the daemon does.
 */
export async function startCore(c, dir, { listen = false } = {}) {
  const store = c.openStore({ path: dir });
  const counters = c.createCounters();
  const messenger = c.createMessenger({ store, clock: c.systemClock, random: c.systemRandom, logger: c.silentLogger, counters });
  let sessions;
  let port = 0;
  if (listen) {
    sessions = c.createSessionManager({
      mailbox: messenger, nodeKey: messenger.nodeKey(), card: () => messenger.card(), host: '127.0.0.1', port: 0,
      clock: c.systemClock, random: c.systemRandom, logger: c.silentLogger, counters,
    });
    ({ port } = await sessions.start());
  }
  let stopped = false;
  return {
    dir, store, messenger, sessions, counters, port, nodePublicKey: messenger.nodeKey().publicKey,
    nodeId: c.keyId(messenger.nodeKey().publicKey),
    userId: messenger.identity().id,
    async stop() {
      if (stopped) return;
      stopped = true;
      await sessions?.close();
      messenger.close();
      await store.close();
    },
  };
}

/** How a session's sync layer names the laptop behind a card (sync/peer-link.ts peerFromSession). */
export function linkPeer(c, card, nodePublicKey, address) {
  const { userKey, displayName } = c.verifyCard(card, nodePublicKey);
  return {
    userId: c.keyIdHex(userKey), userKey, displayName, nodeId: c.keyIdHex(nodePublicKey), nodeKey: nodePublicKey,
    address, via: 'bench',
  };
}

/** A user on another laptop that exists only as keys: enough to seal envelopes as that laptop's messenger would. */
export function makeForeignUser(c, displayName) {
  const user = c.generateKeyPair(c.systemRandom);
  const node = c.generateKeyPair(c.systemRandom);
  const card = c.makeCard(user, node.publicKey, displayName, Date.now());
  return { user, node, card, peer: linkPeer(c, card, node.publicKey, '127.0.0.1:1') };
}

/**
 * `core` learns `peer`'s card the way a meeting teaches it (Mailbox.peerUp
 * keeps it) and adds the user as a contact; the neighbour then leaves
 * (peerDown), so nothing is left on a link.
 */
export async function befriend(core, peer) {
  core.messenger.peerUp(peer);
  await core.messenger.addContact(peer.userId);
  core.messenger.peerDown(peer);
}
