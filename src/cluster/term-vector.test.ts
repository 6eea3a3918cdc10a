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
