/**
 * @module Readers for the extraction benchmarks as stored under the data directory (read-only):
 * Scrapinghub (`scrapinghub/html/<id>.html.gz` + `ground-truth.json`) and WCXB articles
 * (`wcxb-articles/html/<id>.html.gz` + `ground-truth/<id>.json`). Pages are decoded with our own
 * decoder, the same way the product reads fetched bytes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../../src/extract/decode.js';

export interface BenchmarkPage {
  id: string;
  url: string | null;
  html: string;
  /** Ground-truth article text. */
  truth: string;
  /** Ground-truth publish date (YYYY-MM-DD or coarser), when the benchmark gives one. */
  published: string | null;
  /** Ground-truth headline and author(s) (null: the page names none), when the benchmark gives them (WCXB). */
  title?: string | null;
  author?: string | null;
}

function readHtml(path: string): string {
  return decodeBytes(gunzipSync(readFileSync(path)), { isHtml: true }).text;
}

export function loadScrapinghub(dataDir: string, limit?: number): BenchmarkPage[] {
  const root = join(dataDir, 'scrapinghub');
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const ids = Object.keys(truth)
    .filter((id) => existsSync(join(root, 'html', `${id}.html.gz`)))
    .sort()
    .slice(0, limit);
  return ids.map((id) => ({
    id,
    url: truth[id]?.url ?? null,
    html: readHtml(join(root, 'html', `${id}.html.gz`)),
    truth: truth[id]?.articleBody ?? '',
    published: null,
  }));
}

interface WcxbTruth {
  url?: string;
  ground_truth?: { main_content?: string; publish_date?: string | null; title?: string | null; author?: string | null };
}

export function loadWcxb(dataDir: string, limit?: number): BenchmarkPage[] {
  const root = join(dataDir, 'wcxb-articles');
  const ids = readdirSync(join(root, 'ground-truth'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((id) => existsSync(join(root, 'html', `${id}.html.gz`)))
    .sort()
    .slice(0, limit);
  return ids.map((id) => {
    const record = JSON.parse(readFileSync(join(root, 'ground-truth', `${id}.json`), 'utf8')) as WcxbTruth;
    return {
      id,
      url: record.url ?? null,
      html: readHtml(join(root, 'html', `${id}.html.gz`)),
      truth: record.ground_truth?.main_content ?? '',
      published: record.ground_truth?.publish_date ?? null,
      title: record.ground_truth?.title ?? null,
      author: record.ground_truth?.author ?? null,
    };
  });
}
