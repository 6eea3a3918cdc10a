import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOtherLanguageDates } from './other-language-dates.js';

const read = (text: string, language: string, published: string | null): string[] =>
  findOtherLanguageDates(text, language, published).map((d) => `${text.slice(d.start, d.end)} = ${d.value}`);

describe('dates in other languages', () => {
  it('reads dates that name their day and month, the year from the publish date where the text leaves it out', () => {
    assert.deepEqual(read('La réunion aura lieu le 17 juin, après le sommet du 3 mars 2025.', 'fr', '2026-04-13T16:40:00+02:00'), ['17 juin = 2026-06-17', '3 mars 2025 = 2025-03-03']);
    assert.deepEqual(read('Die Gespräche beginnen am 6. Mai 2026 in Tarrholm.', 'de', '2026-04-27T18:15:00+02:00'), ['am 6. Mai 2026 = 2026-05-06']);
    assert.deepEqual(read('La próxima reunión será el 17 de junio.', 'es', '2026-04-29T17:05:00+02:00'), ['17 de junio = 2026-06-17']);
  });

  it('leaves out a weekday alone, whose week the tense decides, and a date without a year when the publish date is unknown', () => {
    assert.deepEqual(read('Le ministre est attendu mardi, le conseil se réunit mercredi.', 'fr', '2026-04-13T16:40:00+02:00'), []);
    assert.deepEqual(read('La próxima reunión será el 17 de junio.', 'es', null), []);
    assert.deepEqual(read('La cumbre del 3 de marzo de 2025 fue un éxito.', 'es', null), ['3 de marzo de 2025 = 2025-03-03']);
    assert.deepEqual(read('Le 17 juin.', 'ru', '2026-04-13T16:40:00+02:00'), []);
  });
});
