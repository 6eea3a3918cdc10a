/**
 * @module Floors for the analysis evaluations (eval/baseline-analyse.json): a figure below its
 * floor fails the command, as trafilatura's eval gate does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type AnalyseFloors = Record<string, Record<string, number>>;

export function readFloors(path = fileURLToPath(new URL('./baseline-analyse.json', import.meta.url))): AnalyseFloors {
  return JSON.parse(readFileSync(path, 'utf8')) as AnalyseFloors;
}

/** Lines saying which figures fall below their floors (empty when all pass). */
export function belowFloors(section: string, figures: Record<string, number>, floors: AnalyseFloors): string[] {
  const out: string[] = [];
  for (const [name, floor] of Object.entries(floors[section] ?? {})) {
    const value = figures[name];
    if (value === undefined || value < floor) out.push(`${section}.${name} = ${value?.toFixed(4) ?? 'missing'} is below its floor ${floor}`);
  }
  return out;
}
