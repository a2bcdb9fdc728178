/**
 * Every domain-separation label in one place, so that no two uses of a hash,
 * signature or KDF can ever collide by sharing a label. Changing any of these
 * changes the wire format (version 1).
 */
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const DOMAIN = {
  keyId: utf8('satchel/v1/key-id'),
  fingerprint: utf8('satchel/v1/fingerprint'),
  card: utf8('satchel/v1/card'),
  seal: utf8('satchel/v1/seal'),
  messageId: utf8('satchel/v1/msg-id'),
  delivered: utf8('satchel/v1/delivered'),
  proofId: utf8('satchel/v1/proof-id'),
} as const;
