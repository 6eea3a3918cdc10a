/**
 * @module A copy's edits and a quote's variants as word-level diffs: inserted words in <ins>,
 * deleted words in <del>, everything escaped.
 */
import { diffArrays } from 'diff';
import { html } from 'hono/html';
import type { CopyChanges } from '../model/index.js';
import type { Html } from './page-layout.js';

/**
 * Word diff of two passages. The common leading and trailing words are cut off first (cheap), so
 * the library's diff (over word tokens) only runs on the part that changed: a story page with hundreds of edited
 * copies stays fast.
 */
export function wordDiff(from: string, to: string): Html {
  const a = from.split(/(?<=\s)/);
  const b = to.split(/(?<=\s)/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // The words (each with its trailing space) are the diff's tokens: no second tokenising pass.
  const middle = diffArrays(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return html`${a.slice(0, head).join('')}${middle.map((part) => {
    const text = part.value.join('');
    return part.added ? html`<ins>${text}</ins>` : part.removed ? html`<del>${text}</del>` : text;
  })}${a.slice(a.length - tail).join('')}`;
}

/** The passages a copy added, removed and edited relative to its original. */
export function copyChanges(changes: CopyChanges | null): Html {
  if (!changes || changes.added.length + changes.removed.length + changes.edited.length === 0) {
    return html`<p class="changes none">Same text as the original.</p>`;
  }
  return html`<ul class="changes">
    ${changes.edited.map((edit) => html`<li class="edited"><span class="tag">edited</span> ${wordDiff(edit.from, edit.to)}</li>`)}
    ${changes.added.map((text) => html`<li class="added"><span class="tag">added</span> <ins>${text}</ins></li>`)}
    ${changes.removed.map((text) => html`<li class="removed"><span class="tag">removed</span> <del>${text}</del></li>`)}
  </ul>`;
}
