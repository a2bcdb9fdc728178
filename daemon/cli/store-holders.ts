/**
 * Which processes have an LMDB store open. LMDB takes a POSIX record lock
 * on lock.mdb in every process that opens the environment, and the kernel
 * lists those in /proc/locks for anyone to read, so we can tell without
 * opening (and so touching) the store ourselves.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'lock.mdb';
const PROC_LOCKS = '/proc/locks';
/** "1: POSIX  ADVISORY  READ 22699 fe:00:2146324 0 0", or "1: -> POSIX ..." for a waiter. */
const LOCK_LINE = /^\d+:\s+(?:->\s+)?\S+\s+\S+\s+\S+\s+(-?\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/;

/** Linux's dev_t split as glibc's major() and minor() do. */
function majorMinor(dev: number): [number, number] {
  const lo = dev % 2 ** 32;
  const hi = Math.floor(dev / 2 ** 32);
  return [((lo >>> 8) & 0xfff) | (hi & 0xfffff000), (lo & 0xff) | ((lo >>> 12) & 0xffffff00)];
}

/** Pids holding the store in `dir` open; empty when none (or when this is not Linux). */
export function storeHolders(dir: string, procLocks = PROC_LOCKS): number[] {
  let st;
  let text: string;
  try {
    st = statSync(join(dir, LOCK_FILE));
    text = readFileSync(procLocks, 'utf8');
  } catch {
    return [];
  }
  const [major, minor] = majorMinor(st.dev);
  const pids = new Set<number>();
  for (const line of text.split('\n')) {
    const m = LOCK_LINE.exec(line);
    if (!m) continue;
    if (Number(m[4]) === st.ino && parseInt(m[2] ?? '', 16) === major && parseInt(m[3] ?? '', 16) === minor) {
      const pid = Number(m[1]);
      if (pid > 0) pids.add(pid);
    }
  }
  return [...pids].sort((a, b) => a - b);
}
