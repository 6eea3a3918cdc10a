/** @module Times as the command line prints them: "2026-04-30 08:30" (UTC, as stored). */

/** An ISO date-time to the minute, as stored (UTC). */
export const minuteOf = (iso: string): string => iso.replace('T', ' ').slice(0, 16);
