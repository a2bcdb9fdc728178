/** How long a message may travel. Expiry itself arrives with carrying. */

/** Lifetime given to new messages, in seconds. */
export const DEFAULT_LIFETIME_S = 14 * 24 * 3600;
/** Longest lifetime a sender may ask for, in seconds: a school term. */
export const MAX_LIFETIME_S = 120 * 24 * 3600;
/** On the wire, 0 stands for DEFAULT_LIFETIME_S and costs no bytes (proto3 omits it). */
export const WIRE_DEFAULT_LIFETIME = 0;

export function wireLifetime(lifetimeS: number): number {
  return lifetimeS === DEFAULT_LIFETIME_S ? WIRE_DEFAULT_LIFETIME : lifetimeS;
}
