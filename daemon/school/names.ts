/**
 * What a school may write as a child's name or class: short UTF-8 with no
 * control characters, so a vouched name cannot break a line in a buddy
 * list or hide text behind a direction override.
 */

/** Longest display name, in UTF-8 bytes (as for identity cards). */
export const MAX_SCHOOL_NAME_BYTES = 64;
/** Longest class name, in UTF-8 bytes. */
export const MAX_CLASS_NAME_BYTES = 32;

// Lone surrogates (they would be signed as U+FFFD), C0/C1 controls,
// line/paragraph separators and bidi overrides/isolates.
const FORBIDDEN = /[\uD800-\uDFFF\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Returns the UTF-8 bytes of `s`, or undefined when it is not an acceptable name of at most `maxBytes`. */
export function nameBytes(s: unknown, maxBytes: number, allowEmpty: boolean): Uint8Array | undefined {
  if (typeof s !== 'string') return undefined;
  if (s.length === 0) return allowEmpty ? new Uint8Array(0) : undefined;
  if (FORBIDDEN.test(s) || s.includes('\ufffd') || s.trim() !== s) return undefined;
  const bytes = new TextEncoder().encode(s);
  return bytes.length <= maxBytes ? bytes : undefined;
}
