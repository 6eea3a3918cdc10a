import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from './html-document.js';
import { bylineLines, chooseAuthor, cleanAuthor, readBylines } from './page-author.js';

test('a byline as the page shows it gives the name alone', () => {
  const cases: Array<[string, string]> = [
    ['By Jane Doe | Reporter', 'Jane Doe'],
    ['Written byAnna Ruiz', 'Anna Ruiz'],
    ['BySam Oduya-June 12, 2025', 'Sam Oduya'],
    ['Dec 17, 2025 Julian Arni', 'Julian Arni'],
    ['September 1st, 2023 By Emily Norwood', 'Emily Norwood'],
    ['By: Harbour Lab EMEA on 04-08-2021 5:11:10', 'Harbour Lab EMEA'],
    ['Clara Hume Last updated on 17 December 2025', 'Clara Hume'],
    ['Author Isaiah Penn', 'Isaiah Penn'],
    ['by the Riverside Team · 3 min read', 'the Riverside Team'],
    ['by kestrelwatch', 'kestrelwatch'],
    ['Byron Castell', 'Byron Castell'],
    ['Quaydesk on Friday', 'Quaydesk'],
    ['Von Anna Schmidt', 'Anna Schmidt'],
    ['Par Jean Dupuis | Correspondant', 'Jean Dupuis'],
    ['Ilse Marten on behalf of the harbour board', 'Ilse Marten'],
  ];
  for (const [byline, name] of cases) assert.equal(cleanAuthor(byline), name, byline);
});

test('labels and dates standing where a byline would are no author', () => {
  for (const label of ['By', 'Name *', 'Our People', 'Learn More', 'Dec. 19, 2025', 'Sat, 20 Dec, 2025', 'https://example.org/staff/ana']) {
    assert.equal(cleanAuthor(label), null, label);
  }
});

test('declared people come first; an organisation or an account handle only when the page shows no person', () => {
  const shown = (): string[] => ['By Mira Solberg'];
  assert.equal(chooseAuthor({ declaredPeople: ['Ada Brant', 'Ada Brant', 'Tom Reyes'], declaredOrganisations: [], metaAuthor: 'Someone Else', bylines: shown }), 'Ada Brant, Tom Reyes');
  assert.equal(chooseAuthor({ declaredPeople: [], declaredOrganisations: ['Valley Health Clinic'], metaAuthor: null, bylines: shown }), 'Mira Solberg');
  assert.equal(chooseAuthor({ declaredPeople: [], declaredOrganisations: [], metaAuthor: 'valleyhealthweb', bylines: shown }), 'Mira Solberg');
  assert.equal(chooseAuthor({ declaredPeople: [], declaredOrganisations: ['Valley Health Clinic'], metaAuthor: null, bylines: () => [] }), 'Valley Health Clinic');
  assert.equal(chooseAuthor({ declaredPeople: [], declaredOrganisations: [], metaAuthor: 'valleyhealthweb', bylines: () => [] }), 'valleyhealthweb');
  // A forum's byline shows only the account's name: it is the author all the same.
  assert.equal(chooseAuthor({ declaredPeople: [], declaredOrganisations: [], metaAuthor: null, bylines: () => ['by kestrelwatch'] }), 'kestrelwatch');
});

test("the page's bylines: author links and byline boxes, not the menu's people page or the comment form", () => {
  const document = parseDocument(`<html><body>
<nav><a href="/people/">Our People</a></nav>
<article><h1>Quay wall gives way after storm</h1>
<div class="post-meta"><span>Dec 17, 2025</span><a href="/author/petra-lind">Petra Lind</a></div>
<p>The old quay wall collapsed overnight.</p></article>
<form class="comment-form"><label class="comment-form-author">Name *</label></form>
</body></html>`);
  const bylines = readBylines(document);
  assert.equal(bylines[0], 'Petra Lind');
  assert.ok(!bylines.includes('Our People') && !bylines.includes('Name *'));
  const glued = parseDocument('<html><body><article><div class="byline">Written by<strong>Anna Ruiz</strong><span>Dec 17, 2025</span></div><p>Text.</p></article></body></html>');
  assert.equal(cleanAuthor(readBylines(glued)[0]!), 'Anna Ruiz');
});

test("a byline the page marks with no class or link is read from its lines; a sentence opening with 'By' is not", () => {
  const page = ['Quay wall gives way after storm', 'By clicking Subscribe you agree to our terms', 'Mar 24, 2025 By Petra Lind', 'The old quay wall collapsed overnight.'].join('\n');
  assert.deepEqual(bylineLines(page).map(cleanAuthor), ['Petra Lind']);
  assert.deepEqual(bylineLines(['Quay wall gives way after storm', 'Written byPetra Lind', 'The old quay wall collapsed overnight.'].join('\n')).map(cleanAuthor), ['Petra Lind']);
});
