import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyrightHolder, outletOfCopyright, outletOfHolder } from './copyright-holder.js';

test('the holder of a copyright line, before or after its year, up to the links beside it', () => {
  assert.equal(copyrightHolder('© 2026 Northgate Post Media Ltd. All rights reserved. Terms · Privacy'), 'Northgate Post Media Ltd');
  assert.equal(copyrightHolder('© The Vessland Herald 2026 · About us · Contact'), 'The Vessland Herald');
  assert.equal(copyrightHolder('Copyright 1995 - 2026 The Motley Fool. All rights reserved.'), 'The Motley Fool');
  assert.equal(copyrightHolder('The copyright of the photographs stays with the agency.'), null);
  assert.equal(copyrightHolder('Brennmouth Evening Star · Part of Coastline Media Group · © 2026'), null);
});

test("a publisher's company name stands for its title", () => {
  assert.equal(outletOfHolder('Northgate Post Media Ltd'), 'Northgate Post');
  assert.equal(outletOfHolder('The Saltvik Observer AS'), 'The Saltvik Observer');
  assert.equal(outletOfHolder('Harbour Publishing Group'), 'Harbour');
  assert.equal(outletOfHolder('Media Group'), 'Media');
});

test("a text's outlet is its footer's copyright holder, never the agency whose dispatch it carries", () => {
  const page = ['Ferry crews voted on Monday to accept a new rota after weeks of talks, the union said.', 'Most read', '© 2026 Islandpost Media Ltd. All rights reserved.'].join('\n');
  assert.equal(outletOfCopyright(page), 'Islandpost');
  const wire = ['Ferry crews voted on Monday to accept a new rota, the union said.', '© 2026 AFP'].join('\n');
  assert.equal(outletOfCopyright(wire), null);
  assert.equal(outletOfCopyright('Ferry crews voted on Monday to accept a new rota.'), null);
});
