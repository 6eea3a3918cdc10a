import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from './html-document.js';
import { outletInTitle, outletOfLogo, outletOnPage } from './page-outlet.js';

const HEADLINE = 'Ferry crossings to Sandholm stop as operator files for insolvency';

const page = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('outletInTitle', () => {
  it('takes the part of the page title that is not the headline, after it or before it', () => {
    assert.equal(outletInTitle(`${HEADLINE} | The Harbour Times`, HEADLINE), 'The Harbour Times');
    assert.equal(outletInTitle(`${HEADLINE} - Sandholm Tidende`, HEADLINE), 'Sandholm Tidende');
    assert.equal(outletInTitle(`${HEADLINE} | Business | Westmere Courier`, HEADLINE), 'Westmere Courier');
    assert.equal(outletInTitle(`Westmere Courier | ${HEADLINE}`, HEADLINE), 'Westmere Courier');
  });

  it('reads nothing from a title that is the headline alone, or ends in a section, a date or a page number', () => {
    assert.equal(outletInTitle(HEADLINE, HEADLINE), null);
    // A colon or a dash inside the headline separates nothing.
    assert.equal(outletInTitle('Sandholm: ferry operator files for insolvency', 'Sandholm: ferry operator files for insolvency'), null);
    assert.equal(outletInTitle(`${HEADLINE} | Opinion`, HEADLINE), null);
    assert.equal(outletInTitle(`${HEADLINE} | 12/20/2024`, HEADLINE), null);
    assert.equal(outletInTitle(`${HEADLINE} - Page 2`, HEADLINE), null);
  });
});

describe('outletOfLogo', () => {
  it('reads the logo link to the home page: its text, or its image\'s alternative text', () => {
    const text = parseDocument(page('', '<header><a class="logo" href="/">Marren Courier</a><nav><a href="/sport">Sport</a></nav></header><main><h1>Title</h1></main>'));
    assert.equal(outletOfLogo(text), 'Marren Courier');
    const image = parseDocument(page('', '<header><a href="/"><img src="/logo.svg" alt="The Vessland Herald logo"></a></header><main><h1>Title</h1></main>'));
    assert.equal(outletOfLogo(image), 'The Vessland Herald');
  });

  it('takes neither the menu\'s "Home" nor a link that only says where it goes', () => {
    const menu = parseDocument(page('', '<header><nav><a href="/">Home</a><a href="/news">News</a></nav></header><main><h1>Title</h1></main>'));
    assert.equal(outletOfLogo(menu), null);
    const action = parseDocument(page('', '<header><a class="site-logo" href="/">Go to homepage</a></header>'));
    assert.equal(outletOfLogo(action), null);
    // A shop or a parent company's site, linked by its full address, is another site.
    const elsewhere = parseDocument(page('', '<header><a class="logo" href="https://shop.example.com/"><img alt="Courier Shop"></a></header>'));
    assert.equal(outletOfLogo(elsewhere), null);
  });
});

describe('outletOnPage', () => {
  it('prefers the page title\'s name, and falls back on the logo', () => {
    const both = parseDocument(page(`<title>${HEADLINE} | Sandholm Tidende</title>`, '<header><a class="logo" href="/">Tidende</a></header>'));
    assert.equal(outletOnPage(both, HEADLINE), 'Sandholm Tidende');
    const logoOnly = parseDocument(page(`<title>${HEADLINE}</title>`, '<header><a class="logo" href="/">Sandholm Tidende</a></header>'));
    assert.equal(outletOnPage(logoOnly, HEADLINE), 'Sandholm Tidende');
    const neither = parseDocument(page(`<title>${HEADLINE}</title>`, `<main><h1>${HEADLINE}</h1><p>Text.</p></main>`));
    assert.equal(outletOnPage(neither, HEADLINE), null);
  });
});
