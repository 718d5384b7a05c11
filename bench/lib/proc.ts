// What a benchmark reads about another process from /proc (Linux): CPU time and peak memory.
// Elsewhere every figure is NaN rather than a guess.
import { readFileSync, writeFileSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat; 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, all threads) a process has used so far, in ms; NaN once it is gone. */
export function cpuMs(pid: number | undefined): number {
  return procStat(pid)?.cpuMs ?? NaN;
}

/**
 * CPU time used so far (ms) and start time (clock ticks after boot, which tells a reused pid from
 * the process it once was); undefined once the process is gone.
 */
export function procStat(pid: number | undefined): { cpuMs: number; started: number } | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: count fields after its closing parenthesis. utime, stime
    // and starttime are fields 14, 15 and 22 of stat(5).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
      started: Number(fields[19]),
    };
  } catch {
    return undefined;
  }
}

/** Peak resident set (VmHWM) of a process in MB. */
export function peakRssMb(pid: number | undefined): number {
  return statusMb(pid, 'VmHWM');
}

/** Current resident set (VmRSS) of a process in MB. */
export function rssMb(pid: number | undefined): number {
  return statusMb(pid, 'VmRSS');
}

/**
 * Resets a process's VmHWM to its current RSS, so that the next peak belongs to one phase rather
 * than to everything the process did before. Needs the right to write /proc/<pid>/clear_refs.
 */
export function resetPeakRss(pid: number | undefined): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function statusMb(pid: number | undefined, key: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${key}:\\s+(\\d+) kB`).exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}
