/**
 * The user's and the laptop's keys: created once, on first start, in one
 * transaction so two racing starts cannot leave two identities.
 */
import { generateKeyPair, keyPairFromSecret, type KeyPair } from '../crypto/keys.js';
import type { RandomBytes } from '../util/random.js';
import type { Store } from '../store/store.js';

/** Shown until the user picks a name. */
export const DEFAULT_DISPLAY_NAME = 'satchel user';

export interface LocalIdentity {
  user: KeyPair;
  node: KeyPair;
  displayName: string;
}

export function loadOrCreateIdentity(store: Store, random: RandomBytes): LocalIdentity {
  return store.transact(() => {
    let userSecret = store.meta.get('userSecret') as Uint8Array | undefined;
    let nodeSecret = store.meta.get('nodeSecret') as Uint8Array | undefined;
    if (userSecret === undefined) {
      userSecret = generateKeyPair(random).secretKey;
      store.meta.put('userSecret', userSecret);
    }
    if (nodeSecret === undefined) {
      nodeSecret = generateKeyPair(random).secretKey;
      store.meta.put('nodeSecret', nodeSecret);
    }
    const name = store.meta.get('displayName');
    return {
      user: keyPairFromSecret(new Uint8Array(userSecret)),
      node: keyPairFromSecret(new Uint8Array(nodeSecret)),
      displayName: typeof name === 'string' ? name : DEFAULT_DISPLAY_NAME,
    };
  });
}
