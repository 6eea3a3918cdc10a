/**
 * @module Highlighting article text by character spans (quotes, speakers, entities, figures,
 * dates). Spans may nest or overlap partially; they are turned into a properly nested tree (a span
 * that crosses the end of an enclosing one is split in two), so the HTML built from it is always
 * well formed. Text is escaped by the renderer, never trusted.
 */

export interface Span<K extends string = string> {
  start: number;
  end: number;
  kind: K;
  /** Lower comes first (outermost) when two spans start at the same offset with the same end. */
  rank: number;
  /** Anything the renderer needs (a link target, a title). */
  data?: Record<string, string>;
}

export interface SpanNode<K extends string = string> {
  span: Span<K>;
  children: Array<SpanNode<K>>;
}

const order = (a: Span, b: Span): number => a.start - b.start || b.end - a.end || a.rank - b.rank;

/** Nests spans into a tree of non-overlapping siblings; invalid and empty spans are dropped. */
export function nestSpans<K extends string>(spans: ReadonlyArray<Span<K>>): Array<SpanNode<K>> {
  let queue = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end).sort(order);
  const nodes: Array<SpanNode<K>> = [];
  while (queue.length > 0) {
    const [outer, ...others] = queue as [Span<K>, ...Array<Span<K>>];
    const inside: Array<Span<K>> = [];
    const rest: Array<Span<K>> = [];
    for (const span of others) {
      if (span.start >= outer.end) rest.push(span);
      else if (span.end <= outer.end) inside.push(span);
      else {
        inside.push({ ...span, end: outer.end });
        rest.push({ ...span, start: outer.end });
      }
    }
    nodes.push({ span: outer, children: nestSpans(inside) });
    queue = rest.sort(order);
  }
  return nodes;
}

/** Clips spans to [from, to) and shifts them to start at 0 (for rendering one paragraph). */
export function clipSpans<K extends string>(spans: ReadonlyArray<Span<K>>, from: number, to: number): Array<Span<K>> {
  const clipped: Array<Span<K>> = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (start < end) clipped.push({ ...span, start: start - from, end: end - from });
  }
  return clipped;
}

export interface Paragraph {
  text: string;
  start: number;
}

/** Splits clean article text into its paragraphs (blank-line separated), keeping their offsets. */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    const chunk = text.slice(start, match.index);
    if (chunk.trim()) paragraphs.push({ text: chunk, start });
    start = match.index + match[0].length;
  }
  const last = text.slice(start);
  if (last.trim()) paragraphs.push({ text: last, start });
  return paragraphs;
}

/**
 * Renders `text` with the span tree: `escape` turns plain text into safe HTML, `wrap` wraps a
 * node's rendered inner HTML (knowing the spans around it). Returns HTML as a string.
 */
export function renderSpans<K extends string>(
  text: string,
  nodes: ReadonlyArray<SpanNode<K>>,
  render: { escape: (plain: string) => string; wrap: (span: Span<K>, inner: string, ancestors: ReadonlyArray<Span<K>>) => string },
  offset = 0,
  end = text.length,
  ancestors: ReadonlyArray<Span<K>> = [],
): string {
  let out = '';
  let position = offset;
  for (const node of nodes) {
    const start = Math.max(node.span.start, position);
    const stop = Math.min(node.span.end, end);
    if (start >= stop) continue;
    out += render.escape(text.slice(position, start));
    out += render.wrap(node.span, renderSpans(text, node.children, render, start, stop, [...ancestors, node.span]), ancestors);
    position = stop;
  }
  return out + render.escape(text.slice(position, end));
}
