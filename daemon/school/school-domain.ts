/**
 * Domain-separation labels of school certificates. They live beside the
 * school code (as the group labels do beside theirs) and all start with
 * "satchel/v1/school-", a prefix no other label uses, so no signature or
 * hash here can ever be taken for one made elsewhere. Changing one changes
 * the wire format.
 */
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const SCHOOL_DOMAIN = {
  /** Signed bytes of a certificate. */
  certificate: utf8('satchel/v1/school-cert'),
  /** Hash naming a certificate (what a revocation names). */
  certificateId: utf8('satchel/v1/school-cert-id'),
  /** Signed bytes of a revocation. */
  revocation: utf8('satchel/v1/school-revoke'),
  /** Hash naming a revocation. */
  revocationId: utf8('satchel/v1/school-revoke-id'),
} as const;
