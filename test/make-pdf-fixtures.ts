/**
 * Writes the PDF fixtures of `src/sources/testdata-pdf/` by printing web pages in Chromium, as a
 * news database or a press office prints its documents: running headers and footers with page
 * numbers, paragraphs wrapped and carried over pages, centred header lines, two columns, words
 * hyphenated at a line's end; a web article printed with the browser's own header and footer; and
 * a scan, a page that is a picture only. Run again only to change
 * them (needs Debian's chromium):
 *
 *   node --import tsx test/make-pdf-fixtures.ts
 *
 * `locked.pdf` is the scan locked with a password by qpdf (Debian's qpdf):
 *
 *   qpdf --encrypt reader owner 256 -- src/sources/testdata-pdf/scan.pdf src/sources/testdata-pdf/locked.pdf
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const out = new URL('../src/sources/testdata-pdf/', import.meta.url);
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The LexisNexis text export as its PDF: each blank-line separated paragraph one paragraph, centred where the text centres it. */
function lexisNexisPage(): string {
  const text = readFileSync(new URL('../src/sources/testdata-exports/lexisnexis-export.txt', import.meta.url), 'utf8');
  const paragraphs = text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => {
      const centred = /^\s{3,}\S/.test(p);
      const lines = p.split('\n').map((l) => l.trim());
      // Centred lines and a field paragraph keep their lines ("GRAPHIC: ..." over "PHOTO: ..."); text is rewrapped.
      const body = centred || /^[A-Z-]+:/.test(lines[0] ?? '') ? lines.map(escape).join('<br>') : escape(lines.join(' '));
      return `<p style="${centred ? 'text-align:center' : 'text-align:justify'}">${body}</p>`;
    });
  return `<html><body style="font: 11pt 'DejaVu Serif', serif">${paragraphs.join('\n')}</body></html>`;
}

/** A press release set in two columns, with words broken by soft hyphens where a line may end. */
function pressReleasePage(): string {
  const paragraphs = [
    'The Harbour Authority of Brennmouth will reopen the outer basin to night traffic from Monday, after divers finished inspecting the quay walls of the three container terminals that stood idle during the twelve-day strike.',
    'The inspection found no damage that would stop the berths from working at full load. Two of the twenty-nine berths will keep a lower limit on crane loads until the concrete of a repaired fender has cured, which the engineers expect by the end of May.',
    '“We promised the shipping lines a port they could trust, not just a port that was open,” said Ingrid Solheim, the authority’s chief engineer. “The walls have done their job. Now the backlog has to come down.”',
    'The backlog stood at 61 vessels on Thursday evening and 48 on Friday, the authority said. Ships carrying food and medicine keep their priority until the queue falls below twenty vessels.',
    'Divers from the authority and from a contractor in Kerrbridge worked in pairs from Tuesday to Friday, checking the joints of the sheet piling, the anchors behind the walls and the scour protection at the foot of each berth.',
    'They found one anchor head at berth 14 that had worked loose, which was tightened on Thursday, and a stretch of scour protection at berth 22 that will be topped up with rock next month.',
    'Night traffic in the outer basin was stopped on the second day of the strike, when the authority moved its pilots to the inner harbour to handle the ferries to Norholm, which were not affected by the dispute.',
    'From Monday the pilots will again board ships at the outer anchorage around the clock. The authority asked shipping lines to confirm their arrival times at least twelve hours ahead, so that berths and tugs can be planned.',
    'The Brennmouth Shippers’ Council welcomed the decision. Its secretary general, Anders Kvist, said the night closures had added a day to the wait for most ships and that members had been paying for the delay since April.',
    'Halvard Terminals said it had called back all three shifts and that its cranes would work without a break until the anchorage was clear. The company expects to handle about 9,000 containers a day next week, against 6,500 on a normal day.',
    'The authority thanked the dock\u00adworkers, the operator Halvard Terminals and the pilots’ association for working through the weekend to clear the anchorage, and said it would publish the full inspection report on its website next week.',
    'Media enquiries: the press office of the Harbour Authority of Brennmouth, Quay Road 1, Brennmouth.',
  ];
  const columns = paragraphs.map((p) => `<p>${escape(p).replace(/\u00ad/g, '&shy;')}</p>`).join('\n');
  return `<html lang="en"><body style="font: 10.5pt 'DejaVu Sans', sans-serif">
<h1 style="font-size:16pt">Outer basin reopens to night traffic after quay wall checks</h1>
<p style="font-size:9pt">Brennmouth, 15 May 2026</p>
<div style="column-count:2; column-gap:1.2cm; text-align:justify; hyphens:manual">${columns}</div></body></html>`;
}

/** A news site's article page, with its site furniture: a browser prints it with its title, date, address and page numbers. */
function webArticlePage(): string {
  const paragraphs = [
    'Brennmouth’s outer basin will reopen to ships at night from Monday, the Harbour Authority said on Friday, after divers found the quay walls of the three container terminals sound at the end of a four-day inspection.',
    'The basin had been closed to night traffic since the second day of the dockworkers’ strike, when pilots were moved to the inner harbour to keep the Norholm ferries running.',
    '“The walls have done their job. Now the backlog has to come down,” said Ingrid Solheim, the authority’s chief engineer, who led the inspection.',
    'The divers checked the joints of the sheet piling, the anchors behind the walls and the rock protection at the foot of each berth. One anchor head at berth 14 had worked loose and was tightened on Thursday.',
    'The backlog stood at 48 vessels on Friday, down from 61 a day earlier. Ships carrying food and medicine keep their priority until fewer than twenty are waiting, the authority said.',
    'Halvard Terminals, which runs the three terminals, said its cranes would work around the clock until the anchorage was clear, handling about 9,000 containers a day against 6,500 on a normal day.',
    'Shipping lines welcomed the decision. Anders Kvist, secretary general of the Brennmouth Shippers’ Council, said the night closures had added a day to the wait for most ships since the strike began on April 27.',
    'The authority will publish the inspection report next week.',
  ];
  const article = paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<html lang="en"><head><title>Outer basin reopens to night traffic | The Harbour Times</title></head>
<body style="font: 12pt 'DejaVu Serif', serif; max-width: 40em">
<nav style="font: 10pt sans-serif">Home · Port News · Business · Opinion · Sport · Subscribe</nav>
<h1>Outer basin reopens to night traffic after quay wall checks</h1>
<p style="font: 10pt sans-serif">By Marta Lindqvist, Port Correspondent · 15 May 2026</p>
<p style="font: 9pt sans-serif">Share on Facebook · Share on X · Copy link</p>
${article}
<aside style="font: 10pt sans-serif"><h2>Related stories</h2><ul><li>Dockers back deal by 68% as Brennmouth prepares to reopen</li><li>Deal reached to end Brennmouth port strike, vote on Friday</li><li>Cranes stand still as dockers walk out at Brennmouth</li></ul></aside>
<footer style="font: 9pt sans-serif">© 2026 Harbour Times Group Ltd. All rights reserved. · Privacy · Terms</footer>
</body></html>`;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const print = async (html: string, file: string, header: string, footer: string): Promise<void> => {
  await page.setContent(html);
  await page.pdf({
    path: new URL(file, out).pathname,
    format: 'A5',
    displayHeaderFooter: header !== '' || footer !== '',
    headerTemplate: `<div style="font-size:8px;width:100%;text-align:right;margin:0 1.5cm">${header}</div>`,
    footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;margin:0 1.5cm">${footer}</div>`,
    margin: { top: '1.8cm', bottom: '1.8cm', left: '1.5cm', right: '1.5cm' },
  });
};
await print(lexisNexisPage(), 'lexisnexis-export.pdf', 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>', 'Vessland University Library &middot; LexisNexis Academic');
await print(pressReleasePage(), 'press-release.pdf', 'Harbour Authority of Brennmouth &middot; Press release', '<span class="pageNumber"></span>');
// A web article printed from the browser as it prints by default: the date and title over each
// page, the address and the page number under it.
const address = 'https://harbourtimes.example/port/2026/05/15/outer-basin-reopens-night-traffic';
await page.route(address, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: webArticlePage() }));
await page.goto(address);
await page.pdf({ path: new URL('web-article.pdf', out).pathname, format: 'A5', displayHeaderFooter: true, margin: { top: '1.5cm', bottom: '1.5cm', left: '1.2cm', right: '1.2cm' } });
// A scanned page: a picture of a page, no text in it.
const scan = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="500"><rect width="400" height="500" fill="#f4f1ea"/>' +
  Array.from({ length: 24 }, (_, k) => `<rect x="30" y="${40 + k * 18}" width="${300 + (k % 3) * 20}" height="7" fill="#555"/>`).join('') + '</svg>';
await print(`<html><body>${scan}</body></html>`, 'scan.pdf', '', '');
await browser.close();
