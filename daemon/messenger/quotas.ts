/**
 * How much of the store each kind of data may take. An XO-class school
 * laptop has a few GB of flash shared with everything else; a relay point (a
 * school server) has room to spare. All settable by configuration.
 */

/** Bytes of envelopes carried for others on a laptop. */
export const DEFAULT_CARRY_QUOTA_BYTES = 32 * 1024 * 1024;
/** Bytes of envelopes carried for others on a relay point. */
export const RELAY_CARRY_QUOTA_BYTES = 512 * 1024 * 1024;
/**
 * Bytes of the carry area one source may fill. A carrier cannot see who
 * sealed an envelope (the sender is hidden on purpose), so a source is the
 * authenticated neighbour that handed it over.
 */
export const DEFAULT_SOURCE_SHARE_BYTES = 4 * 1024 * 1024;
/** The same on a relay point. */
export const RELAY_SOURCE_SHARE_BYTES = 64 * 1024 * 1024;
/** Bytes of delivery proofs kept to spread; the oldest go first. */
export const DEFAULT_PROOF_QUOTA_BYTES = 2 * 1024 * 1024;
/** The same on a relay point, which meets far more recipients' proofs. */
export const RELAY_PROOF_QUOTA_BYTES = 16 * 1024 * 1024;

export interface CarryLimits {
  quotaBytes: number;
  sourceShareBytes: number;
  proofQuotaBytes: number;
}

export function defaultCarryLimits(relayPoint: boolean): CarryLimits {
  return relayPoint
    ? { quotaBytes: RELAY_CARRY_QUOTA_BYTES, sourceShareBytes: RELAY_SOURCE_SHARE_BYTES, proofQuotaBytes: RELAY_PROOF_QUOTA_BYTES }
    : { quotaBytes: DEFAULT_CARRY_QUOTA_BYTES, sourceShareBytes: DEFAULT_SOURCE_SHARE_BYTES, proofQuotaBytes: DEFAULT_PROOF_QUOTA_BYTES };
}
