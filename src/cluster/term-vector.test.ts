import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countTerms, slugWords } from './term-vector.js';

describe('slugWords', () => {
  it('reads the words of a hyphenated slug, not the host, the section, numbers or the query', () => {
    assert.deepEqual(
      slugWords('https://www.coastherald.example/business/2025/05/07/valmora-dockworkers-vote-to-strike-over-night-pay-48213.html?utm_source=rss'),
      ['valmora', 'dockworkers', 'vote', 'strike', 'over', 'night', 'pay'],
    );
  });

  it('reads underscored slugs and skips short segments and opaque ids', () => {
    assert.deepEqual(slugWords('http://news.example.org/world/ci_2231/Harbour_Board_Rejects_Pay_Offer'), ['Harbour', 'Board', 'Rejects', 'Pay', 'Offer']);
    assert.deepEqual(slugWords('https://example.com/article/9f8e7d6c5b4a'), []);
    assert.deepEqual(slugWords('https://example.com/news/sport/'), []);
  });

  it('gives nothing for a missing or malformed address', () => {
    assert.deepEqual(slugWords(null), []);
    assert.deepEqual(slugWords('not a url'), []);
  });
});

describe('countTerms with a URL', () => {
  const url = 'https://example.com/2025/05/07/harbour-cranes-idle-as-dockworkers-walk-out';

  it('adds the slug words of a headline-only item', () => {
    const counts = countTerms({ title: 'Port falls silent', text: '', entityNames: [], url });
    assert.ok(counts.has('dockworker'));
    assert.ok(counts.has('crane'));
    assert.ok(counts.has('port'));
  });

  it('leaves an article with text to its text', () => {
    const counts = countTerms({ title: 'Port falls silent', text: 'The port was quiet on Monday morning.', entityNames: [], url });
    assert.ok(!counts.has('dockworker'));
    assert.ok(counts.has('quiet'));
  });
});

describe('countTerms in other languages', () => {
  it('reads country names written in French, German or Spanish as the English names', () => {
    const fr = countTerms({ title: 'Sommet à Paris', text: "La Russie et les États-Unis ont repris les discussions, selon le Royaume-Uni.", entityNames: [], language: 'fr' });
    const de = countTerms({ title: 'Gipfel in Paris', text: 'Russland und die Vereinigten Staaten verhandeln weiter.', entityNames: [], language: 'de' });
    const es = countTerms({ title: 'Cumbre en París', text: 'Rusia y Estados Unidos siguen negociando.', entityNames: [], language: 'es' });
    for (const counts of [fr, de, es]) assert.ok(counts.has('russia'), [...counts.keys()].join(' '));
    assert.ok(fr.has('united') && fr.has('state') && fr.has('kingdom'));
    assert.ok(es.has('united') && es.has('state'));
    // English text is left as written, and a lower-case word that spells a country is not one.
    assert.ok(!countTerms({ title: 'Island', text: 'A small island off the coast.', entityNames: [], language: 'en' }).has('iceland'));
    assert.ok(!countTerms({ title: 'Brücke', text: 'Die Brücke führt auf eine kleine insel.', entityNames: [], language: 'de' }).has('iceland'));
  });

  it('weighs up capitalised German words as names only where they run together, as names do', () => {
    const text = 'Die militärische Unterstützung wurde erhöht, sagte Präsident Emmanuel Macron in seiner Ansprache. Verzögerungen seien gefährlich, warnte Macron.';
    const counts = countTerms({ title: 'Ansprache', text, entityNames: [], language: 'de' });
    const plain = (term: string): number => counts.get(term) ?? 0;
    assert.ok(plain('macron') >= 2 * 3, `macron ${plain('macron')}`);
    assert.equal(plain('unterstützung'), 1);
    assert.equal(plain('verzögerungen'), 1);
    // French keeps the English rule: a capital inside a sentence marks a name, also beside the people the analysis named there.
    assert.equal(countTerms({ title: 'x', text: 'Le président Macron a parlé.', entityNames: [], language: 'fr' }).get('macron'), 3);
    assert.equal(countTerms({ title: 'x', text: 'Ilse Marrow a parlé à Valmora.', entityNames: ['Ilse Marrow'], language: 'fr' }).get('valmora'), 3);
  });
});
