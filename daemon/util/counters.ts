/**
 * Named event counters (frames dropped by reason, sessions opened, ...).
 * Technicians read them through the service; tests assert on them. Plain
 * numbers in a Map: cheap enough to bump on every bad packet.
 */
export interface Counters {
  bump(name: string, n?: number): void;
  snapshot(): Record<string, number>;
}

export function createCounters(): Counters {
  const values = new Map<string, number>();
  return {
    bump(name, n = 1) {
      values.set(name, (values.get(name) ?? 0) + n);
    },
    snapshot() {
      return Object.fromEntries([...values.entries()].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}
