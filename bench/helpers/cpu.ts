// CPU time of processes from /proc (Linux): on a shared 2-core machine, wall-clock rates swing with whatever else
// runs, while CPU milliseconds per post measure the app's own cost.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const TICKS_PER_SECOND = 100;

/** User plus system CPU milliseconds a process has used so far, or NaN when it cannot be read. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ": utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** The pid of the redis-server listening on `port` (its process name, then the port in its title); undefined if none. */
export function redisPid(port: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'redis-server') continue;
      // redis-server rewrites its title to "redis-server 127.0.0.1:<port>".
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`:${port}`)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/** Sums CPU milliseconds over `pids` between `start()` and `stop()`. */
export function cpuMeter(pids: number[]): { stop(): number } {
  const before = pids.map(cpuMs);
  return { stop: () => pids.reduce((sum, pid, i) => sum + (cpuMs(pid) - (before[i] ?? 0)), 0) };
}

/** The 1-minute load average, to show how busy the machine was around a measurement. */
export function load1(): number {
  return loadavg()[0] ?? Number.NaN;
}
