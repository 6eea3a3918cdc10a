/**
 * @module Progress for long work: on a terminal, a bar with counts, rate and ETA redrawn in place
 * once the work has run for a second; when not a terminal, a plain line every ten seconds (a short
 * piped run stays quiet).
 */
export interface Progress {
  /** Sets the completed count; `documents` counts the finer unit the rate is given in. */
  update(done: number, documents: number): void;
  /** Prints a message above the bar without tearing it. */
  log(line: string): void;
  finish(): void;
}

export interface ProgressOptions {
  total: number;
  unit: string;
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
};

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const started = now();
  const interactive = Boolean(stream.isTTY);
  let lastDraw = interactive ? 0 : started;
  let drawn = false;
  let done = 0;
  let documents = 0;

  const line = (): string => {
    const elapsed = Math.max((now() - started) / 1000, 0.001);
    const rate = documents / elapsed;
    const eta = done > 0 ? ((options.total - done) * elapsed) / done : Infinity;
    const ratio = options.total > 0 ? Math.min(done / options.total, 1) : 0;
    const width = 24;
    const filled = Math.round(ratio * width);
    const bar = interactive ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
    return `${bar}${done}/${options.total} ${options.unit} · ${documents} articles · ${rate.toFixed(1)}/s · ETA ${formatDuration(eta)}`;
  };

  const clear = (): void => {
    if (drawn && interactive) stream.write('\r\x1b[K');
  };

  return {
    update(nextDone, nextDocuments) {
      done = nextDone;
      documents = nextDocuments;
      const time = now();
      if (time - started < 1000) return;
      if (interactive && time - lastDraw >= 100) {
        stream.write(`\r\x1b[K${line()}`);
        drawn = true;
        lastDraw = time;
      } else if (!interactive && time - lastDraw >= 10_000) {
        stream.write(`${line()}\n`);
        lastDraw = time;
      }
    },
    log(message) {
      clear();
      stream.write(`${message}\n`);
      if (drawn) stream.write(line());
    },
    finish() {
      if (drawn) {
        stream.write(`\r\x1b[K${line()}\n`);
        drawn = false;
      }
    },
  };
}
