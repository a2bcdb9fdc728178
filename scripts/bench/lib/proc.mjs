/**
 * What the kernel says a process costs: CPU time from /proc/<pid>/stat
 * (utime + stime, all threads, in clock ticks), memory and context switches
 * from /proc/<pid>/status and its threads' status files.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let clockTicks;
/** Clock ticks per second (USER_HZ), the unit of utime and stime. */
export function clockTicksPerSecond() {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      clockTicks = 100; // USER_HZ is 100 on every Linux ABI that node supports
    }
    if (!Number.isInteger(clockTicks) || clockTicks <= 0) clockTicks = 100;
  }
  return clockTicks;
}

/** utime + stime of the whole process (every thread), in clock ticks. */
export function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // comm (field 2) is in parentheses and may hold spaces; count fields after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so field N is rest[N - 3]: utime 14, stime 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc/${pid}/stat`);
  return { utime, stime, total: utime + stime };
}

function statusFields(path) {
  const out = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\w+):\s+(\d+)/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

/** Resident memory in kB: VmRSS and its anonymous and file-backed parts. */
export function memoryKb(pid) {
  const s = statusFields(`/proc/${pid}/status`);
  if (s.VmRSS === undefined) throw new Error(`no VmRSS for pid ${pid} (exited?)`);
  return { rss: s.VmRSS, anon: s.RssAnon ?? NaN, file: s.RssFile ?? NaN, threads: s.Threads ?? NaN };
}

/** Context switches summed over every thread: each one is a wake-up. */
export function contextSwitches(pid) {
  let voluntary = 0;
  let involuntary = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const s = statusFields(`/proc/${pid}/task/${tid}/status`);
      voluntary += s.voluntary_ctxt_switches ?? 0;
      involuntary += s.nonvoluntary_ctxt_switches ?? 0;
    } catch {
      // a thread that ended between readdir and read
    }
  }
  return { voluntary, involuntary, total: voluntary + involuntary };
}

export function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Time on CPU in nanoseconds, summed over the live threads' schedstat
 * (first field). Finer than clock ticks, so it still separates two idle
 * processes that both use less than a tick; threads that ended are not in
 * it, so it complements utime + stime rather than replacing it. NaN where
 * the kernel keeps no schedstat.
 */
export function cpuNs(pid) {
  let ns = 0;
  let read = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      read++;
    } catch {
      // a thread that ended between readdir and read, or no schedstat at all
    }
  }
  return read > 0 && Number.isFinite(ns) ? ns : NaN;
}

/** One snapshot of everything above. */
export function sample(pid) {
  return { atMs: performance.now(), cpu: cpuTicks(pid), cpuNs: cpuNs(pid), mem: memoryKb(pid), ctx: contextSwitches(pid) };
}

/**
 * Resident kB by what is mapped (/proc/<pid>/smaps): a file's path, or
 * `[anon]` for anonymous memory (the JS heap lives there), `[heap]`,
 * `[stack]`. Shows where a difference in VmRSS comes from.
 */
export function rssByMapping(pid) {
  const out = {};
  let current = '[anon]';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+\s+\S+\s+\S+\s+\S+\s+\d+\s*(.*)$/.exec(line);
    if (header) {
      current = header[1].trim() || '[anon]';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[current] = (out[current] ?? 0) + Number(rss[1]);
  }
  return out;
}
