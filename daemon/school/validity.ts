/**
 * What a laptop makes of a certificate's validity, given that its own clock
 * may be wrong. The dates are in the school's time; a laptop compares them
 * with its own clock only where a wrong answer is safe:
 *
 * - Not yet valid is never a refusal. A laptop whose clock battery died
 *   reads 1970 or 2000; refusing would hide every vouched name, and a
 *   certificate the school signed early vouches for the same child anyway.
 * - Expired is a refusal only once the laptop's clock is past `valid_until`
 *   by VALIDITY_MARGIN_S, so a clock a few weeks fast hides nothing. A clock
 *   far ahead hides vouched names (shown as "expired" to technicians, who
 *   fix the clock); it never shows an unvouched name as vouched.
 *
 * Ending trust quickly is the job of revocations, not of dates.
 */

/** Grace past `valid_until_s` before a laptop calls a certificate expired, in seconds (30 days). */
export const VALIDITY_MARGIN_S = 30 * 24 * 3600;

export function isExpired(validUntilS: number, nowMs: number, marginS: number = VALIDITY_MARGIN_S): boolean {
  return Math.floor(nowMs / 1000) > validUntilS + marginS;
}
