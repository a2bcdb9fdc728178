/**
 * Domain-separation labels of the group layer. They live beside the group
 * code rather than in crypto/domain.ts so this layer can evolve on its own,
 * and all start with "satchel/v1/group-", a prefix no label there uses, so
 * the two sets can never collide. Changing one changes the wire format.
 */
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const GROUP_DOMAIN = {
  /** Signed bytes of a membership op. */
  op: utf8('satchel/v1/group-op'),
  /** Hash naming an op (and, for a create op, the group). */
  opId: utf8('satchel/v1/group-op-id'),
  /** Envelope.to of a group message. */
  to: utf8('satchel/v1/group-to'),
  /** HKDF salt of an epoch's sealing key. */
  seal: utf8('satchel/v1/group-seal'),
  /** Signed bytes of a group message's content. */
  message: utf8('satchel/v1/group-msg'),
} as const;
