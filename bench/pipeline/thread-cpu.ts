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
