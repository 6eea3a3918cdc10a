/** @module CPU time of threads from Linux /proc (10 ms ticks), for the pipeline benches. */
import { readdirSync, readFileSync } from 'node:fs';

/** User + system CPU milliseconds from a /proc `stat` line. */
const cpuOfStat = (stat: string): number => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** CPU milliseconds of the calling thread alone, or NaN where /proc is missing. */
export function threadCpuMs(): number {
  try {
    return cpuOfStat(readFileSync('/proc/thread-self/stat', 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/** CPU milliseconds of every thread of this process by thread id, empty where /proc is missing. */
export function threadsCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) out.set(Number(tid), cpuOfStat(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
  } catch {
    // not Linux: no breakdown
  }
  return out;
}

/**
 * CPU milliseconds of a process and its children (a PostgreSQL server and its backends): the
 * children's own, and what the ones that ended left to it. NaN where /proc is missing.
 */
export function processTreeCpuMs(pid: number): number {
  try {
    const fieldsOf = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = fieldsOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    // utime, stime, then cutime, cstime of the children it has waited for.
    let ms = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * 10;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (Number(fieldsOf(stat)[1]) === pid) ms += cpuOfStat(stat);
      } catch {
        // ended meanwhile
      }
    }
    return ms;
  } catch {
    return Number.NaN;
  }
}
