/**
 * @module A copy's edits and a quote's variants as word-level diffs: inserted words in <ins>,
 * deleted words in <del>, everything escaped.
 */
import { diffWords } from 'diff';
import { html } from 'hono/html';
import type { CopyChanges } from '../model/index.js';
import type { Html } from './page-layout.js';

export function wordDiff(from: string, to: string): Html {
  return html`${diffWords(from, to).map((part) => (part.added ? html`<ins>${part.value}</ins>` : part.removed ? html`<del>${part.value}</del>` : part.value))}`;
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
