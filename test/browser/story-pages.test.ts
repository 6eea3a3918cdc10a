/**
 * Storyline's pages in a real browser (Debian's chromium driven by playwright-core): the story
 * list, a story with folded copies, an article, search, the ingest form, following a story, the feeds page; screenshots at laptop
 * and phone width go to test-artifacts/. Fails (does not skip) when chromium is missing.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startSite } from '../../src/pipeline/testdata/news-site.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { addInventedStories, SPECS } from '../../src/server/testdata/invented-story.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const CHROMIUM = process.env.STORYLINE_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('story pages in chromium', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let ids: Map<string, number>;
  const errors: string[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) or set STORYLINE_CHROMIUM`);
    dir = await mkdtemp(join(tmpdir(), 'storyline-browser-'));
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(dir, 'store.db');
    store = openSqliteStore(file);
    ids = await addInventedStories(store);
    server = await startServer({ store, dbFile: file, port: 0, host: '127.0.0.1' });
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: LAPTOP,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const shoot = async (name: string): Promise<void> => {
    await page.setViewportSize(LAPTOP);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-laptop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-phone.png`), fullPage: true });
    await page.setViewportSize(LAPTOP);
  };

  const noHorizontalScroll = async (): Promise<void> => {
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.setViewportSize(LAPTOP);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at phone width`);
  };

  test('the story list shows stories newest first with counts and a coverage sparkline', async () => {
    await page.goto(`${server.url}/`);
    const titles = await page.locator('.story-title').allTextContents();
    assert.deepEqual(titles, ['Valmont summit on a reassurance force', 'Drought brings water limits to Plains county', '<script>alert(1)</script> Harbour <b>news</b>']);
    const first = page.locator('.story-item').first();
    assert.match(await first.locator('.meta').innerText(), /10–14 Mar 2025[\s\S]*7 articles[\s\S]*7 outlets[\s\S]*3 events/);
    assert.equal(await first.locator('svg.spark rect').count(), 3, 'one bar for each of the three days with articles');
    await shoot('stories');
    await noHorizontalScroll();
  });

  test('filtering by entity keeps only the stories that name it', async () => {
    await page.goto(`${server.url}/`);
    await page.fill('input[name="entity"]', 'Plains Water Board');
    await page.click('form.filters button');
    assert.deepEqual(await page.locator('.story-title').allTextContents(), ['Drought brings water limits to Plains county']);
    assert.equal(await page.inputValue('input[name="entity"]'), 'Plains Water Board');
  });

  test('a story shows its timeline, events, folded copies with their edits, quotes by speaker and disagreeing figures', async () => {
    await page.goto(`${server.url}/`);
    await page.click('text=Valmont summit on a reassurance force');
    await page.waitForURL(/\/stories\/1$/);
    assert.equal(await page.locator('h1').innerText(), 'Valmont summit on a reassurance force');
    assert.equal(await page.locator('svg.timeline circle.dot').count(), 7, 'a dot for every article');
    assert.equal(await page.locator('svg.timeline circle.dot.copy').count(), 2, 'the two copies are drawn hollow');
    const outside = await page.locator('svg.timeline').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return Array.from(svg.querySelectorAll('text'))
        .filter((text) => { const r = text.getBoundingClientRect(); return r.left < box.left - 0.5 || r.right > box.right + 0.5; })
        .map((text) => text.textContent);
    });
    assert.deepEqual(outside, [], 'outlet names and dates stay inside the timeline (a long name is cut, with its whole name on hover)');
    assert.equal(await page.locator('svg.timeline .row-label title', { hasText: 'The Evening Signal of Norland (English edition)' }).count(), 1);
    assert.deepEqual(await page.locator('.event h3').allTextContents(), ['Defence chiefs gather in Valmont', 'Talks end with a pledge of troops', 'Parliament schedules a vote on deployment']);

    const folded = page.locator('details.copies').first();
    assert.equal(await folded.locator('summary').innerText(), 'Also carried by 2 outlets');
    assert.equal(await folded.locator('.copy').first().isVisible(), false, 'copies start folded');
    await folded.locator('summary').click();
    const edited = folded.locator('.copy', { hasText: 'Harbour Times' });
    assert.equal(await edited.isVisible(), true);
    assert.equal((await edited.locator('ins').first().innerText()).trim(), 'morning');
    assert.equal(await edited.locator('li.added ins').innerText(), 'Harbour Times contributed reporting.');
    const insColour = await edited.locator('li.added ins').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(insColour, 'rgb(217, 242, 223)', 'added passages are shown in green');
    assert.match(await folded.locator('.copy', { hasText: 'Coastal Post' }).innerText(), /Same text as the original/);

    const speakers = await page.locator('.speaker h3').allInnerTexts();
    assert.equal(speakers.length, 3);
    assert.match(speakers[0] ?? '', /^Ana Lindqvist/);
    assert.match(speakers[1] ?? '', /^Tomas Verga/);
    assert.match(speakers[2] ?? '', /^Sources not named/, 'quotes without a named speaker come last');
    assert.match(await page.locator('#speaker-sources-not-named figcaption').innerText(), /Said by a source close to the Norland defence ministry\. Carried by 1 outlet: Daily Meridian/);
    const ready = page.locator('#speaker-ana-lindqvist figure.quote').first();
    assert.match(await ready.locator('figcaption').innerText(), /Carried by 4 outlets: Wire Press.*Harbour Times.*Coastal Post.*Metro Star/s);
    await ready.locator('details.variants summary').click();
    assert.equal(await ready.locator('details.variants li').count(), 2, 'both wordings are listed');

    const disagreements = page.locator('.disagreement');
    assert.equal(await disagreements.count(), 2);
    const text = await page.locator('.disagreements').innerText();
    assert.match(text, /About 25 leaders[\s\S]*31 countries/);
    assert.match(text, /4,000 soldiers[\s\S]*5,000 troops/);
    assert.ok(errors.length === 0, `browser errors: ${errors.join('; ')}`);
    await shoot('story');
    await noHorizontalScroll();
  });

  test('an article shows highlighted quotes, speakers, entities, figures and dates, linked', async () => {
    await page.goto(`${server.url}/articles/${ids.get('Defence chiefs from 31 countries gather in Valmont')}`);
    const text = page.locator('.article-text');
    assert.equal(await text.locator('.hl.quote').count(), 2);
    assert.equal(await text.locator('.hl.figure').first().innerText(), '31 countries');
    assert.equal(await text.locator('.hl.date').innerText(), 'Tuesday');
    const quoteLink = text.locator('a.hl.quote').first();
    assert.equal(await quoteLink.getAttribute('href'), '/stories/1#speaker-ana-lindqvist');
    await text.locator('a.hl.entity', { hasText: 'Tomas Verga' }).click();
    await page.waitForURL(/entity=Tomas\+Verga/);
    assert.deepEqual(await page.locator('.story-title').allTextContents(), ['Valmont summit on a reassurance force']);
    await page.goBack();
    assert.match(await page.locator('.article-side').innerText(), /Copies[\s\S]*Harbour Times[\s\S]*Coastal Post/i);
    await shoot('article');
    await noHorizontalScroll();
  });

  test('a copy links to its original and shows its edits', async () => {
    await page.goto(`${server.url}/articles/${ids.get('Valmont hosts defence chiefs of 31 nations')}`);
    const notice = page.locator('.copy-of');
    assert.match(await notice.innerText(), /A copy of Defence chiefs from 31 countries gather in Valmont \(Wire Press/);
    assert.equal(await notice.locator('li.added ins').innerText(), 'Harbour Times contributed reporting.');
  });

  test('search groups hits by story', async () => {
    await page.goto(`${server.url}/`);
    await page.fill('header input[name="q"]', 'Valmont');
    await page.press('header input[name="q"]', 'Enter');
    await page.waitForURL(/q=Valmont/);
    const groups = await page.locator('.hit-group h2 a').allTextContents();
    assert.deepEqual(groups, ['Valmont summit on a reassurance force']);
    assert.ok((await page.locator('.hit-group li').count()) >= 5);
    assert.ok((await page.locator('.snippet mark').count()) >= 1, 'the matching word is marked');
    await shoot('search');
  });

  test('hostile article text is shown as text and runs nothing', async () => {
    await page.goto(`${server.url}/`);
    await page.click('.story-title >> nth=2');
    assert.equal(await page.locator('h1').innerText(), '<script>alert(1)</script> Harbour <b>news</b>');
    await page.click('.article-row a');
    assert.match(await page.locator('.article-text').innerText(), /Harbour <img src=x onerror=alert\(3\)> news & "quotes" <\/p><script>alert\(4\)<\/script>/);
    assert.equal(await page.locator('.article-text img').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('pasting an article ingests it and shows the summary', async () => {
    await page.goto(`${server.url}/ingest`);
    await shoot('ingest');
    await page.fill('input[name="title"]', 'Harbour ferry resumes after repairs');
    await page.fill('input[name="source"]', 'Coastal Post');
    await page.fill('input[name="published"]', '2025-03-20');
    await page.fill('textarea[name="text"]', 'The harbour ferry resumed service on Thursday after three weeks of repairs.\n\nPassengers said the crossing was calm.');
    await page.click('text=Ingest text');
    await page.waitForURL(/\/ingest\/jobs\//);
    await page.locator('h1', { hasText: 'Ingest finished' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('dd[data-key="new"]').innerText(), '1');
    await page.click('text=Open the article');
    assert.equal(await page.locator('h1').innerText(), 'Harbour ferry resumes after repairs');
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('.story-title').first().innerText(), 'Harbour ferry resumes after repairs');
  });

  test('following a story: a report that reaches it after is shown once on the story page, and listed on Following until then', async () => {
    const summit = SPECS[0]!;
    const storyId = summit.story.id;
    await page.goto(`${server.url}/stories/${storyId}`);
    await page.click('button:has-text("Follow this story")');
    await page.locator('button', { hasText: 'Following ✓' }).waitFor();
    // A report reaches the story while the reader is away.
    await store.addArticle(
      {
        identity: 'test:late-report',
        contentHash: 'hash-late',
        rawHash: 'raw-late',
        article: { externalId: null, path: null, url: 'https://news.example/late', source: 'Evening Courier', author: null, title: 'Valmont talks run into a second night', text: 'Defence chiefs in Valmont talked into a second night.', published: '2025-03-12T21:00:00Z', modified: null, language: 'en' },
        analysis: { quotes: [], entities: [], figures: [], dates: [] },
        seenAt: '2025-03-12T21:05:00Z',
      },
      () => ({ duplicateOf: null, similarity: null, changes: null, event: summit.event, story: summit.story, movedEvents: [], mergedStoryIds: [] }),
    );
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('.story-item', { hasText: summit.story.title }).locator('.following-tag').innerText(), 'following · 1 new');
    await page.click('nav >> text=Following');
    const item = page.locator('li.followed.has-news');
    assert.match(await item.innerText(), /1 new article, a new outlet[\s\S]*Valmont talks run into a second night/);
    await shoot('following');
    await noHorizontalScroll();
    await item.locator('a.story-title').click();
    assert.match(await page.locator('.notice.news').innerText(), /Since you last looked[\s\S]*1 new article, a new outlet\. New outlets: Evening Courier\.[\s\S]*Valmont talks run into a second night/);
    await shoot('story-news');
    await page.reload();
    assert.equal(await page.locator('.notice.news').count(), 0, 'seen once shown');
    await page.click('button:has-text("Unfollow")');
    await page.locator('button', { hasText: 'Follow this story' }).waitFor();
  });

  test('subscribing to a news site on the Feeds page and fetching it brings its articles into the stories', async () => {
    const site = await startSite();
    try {
      await page.goto(`${server.url}/feeds`);
      await page.fill('input[name="url"]', `${site.url}/`);
      await page.click('button:has-text("Subscribe")');
      await page.locator('.notice', { hasText: 'Subscribed to Northgate Post' }).waitFor();
      assert.equal(await page.locator('table.feeds tbody tr').count(), 1);
      assert.equal(await page.locator('.feed-status').innerText(), 'not fetched yet');
      await page.click('button:has-text("Fetch due feeds")');
      await page.locator('h1', { hasText: 'Fetch finished' }).waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('dd[data-key="new"]').innerText(), '2');
      await page.click('a:has-text("Feeds")>> nth=-1');
      assert.match(await page.locator('table.feeds tbody tr').innerText(), /fetched just now\s+2 new articles of 2 items[\s\S]*in 30 min/);
      await shoot('feeds');
      await noHorizontalScroll();
      await page.goto(`${server.url}/`);
      assert.ok((await page.locator('.story-title').allTextContents()).some((t) => t.includes('4,200 dockers strike')));
    } finally {
      await site.close();
    }
  });

  test("uploading a news database's export ingests each of its entries as an article of its outlet", async () => {
    await page.goto(`${server.url}/ingest`);
    await page.setInputFiles('input[name="files"]', fileURLToPath(new URL('../../src/sources/testdata-exports/factiva-tagged-export.txt', import.meta.url)));
    await page.click('text=Ingest files');
    await page.waitForURL(/\/ingest\/jobs\//);
    await page.locator('h1', { hasText: 'Ingest finished' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('dd[data-key="new"]').innerText(), '2');
    await shoot('ingest-export');
    await page.goto(`${server.url}/`);
    await page.click('.story-title:has-text("rates")');
    const text = await page.locator('main').innerText();
    assert.match(text, /Saltvik Observer/);
    assert.match(text, /Norbank cuts mortgage rates after central bank move/);
    assert.match(text, /Fjordbank holds its rates for now/);
  });

  test('an article given by its web address is fetched and stored under its outlet; a page that is gone is reported by its address', async () => {
    const site = await startSite();
    try {
      await page.goto(`${server.url}/ingest`);
      await page.fill('textarea[name="addresses"]', `${site.url}/europe/korvel-evacuation\n${site.url}/europe/taken-down`);
      await page.click('text=Fetch and ingest');
      await page.waitForURL(/\/ingest\/jobs\//);
      await page.locator('h1', { hasText: 'Ingest finished' }).waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('dd[data-key="new"]').innerText(), '1');
      assert.match(await page.locator('main').innerText(), /2 addresses of 2 done[\s\S]*taken-down[\s\S]*404/);
      await shoot('ingest-addresses');
      await page.click('text=Open the article');
      assert.match(await page.locator('h1').innerText(), /Korvel/);
    } finally {
      await site.close();
    }
  });

  test('uploading a web article saved as PDF and a Factiva RTF download stores them under their outlets', async () => {
    await page.goto(`${server.url}/ingest`);
    await page.setInputFiles('input[name="files"]', [
      fileURLToPath(new URL('../../src/sources/testdata-pdf/web-article.pdf', import.meta.url)),
      fileURLToPath(new URL('../../src/sources/testdata-exports/factiva-export.rtf', import.meta.url)),
    ]);
    await page.click('text=Ingest files');
    await page.waitForURL(/\/ingest\/jobs\//);
    await page.locator('h1', { hasText: 'Ingest finished' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('dd[data-key="new"]').innerText(), '3');
    await shoot('ingest-pdf-rtf');
    await page.goto(`${server.url}/?q=${encodeURIComponent('quay walls')}`);
    const text = await page.locator('main').innerText();
    assert.match(text, /Outer basin reopens to night traffic after quay wall checks/);
    assert.match(text, /The Harbour Times/);
    assert.match(text, /Quay walls to be checked before Brennmouth reopens fully/);
  });

  test('a report the grouper kept apart is merged into its story from the regroup page, and moved out again to a story of its own', async () => {
    // The Factiva download of the test before holds a German report on the quay walls that shares
    // few words with the English reports: a story of its own.
    const stories = await store.listStories();
    const german = stories.find((s) => s.title.startsWith('Hafen Brennmouth'))!;
    const quay = stories.find((s) => /quay wall/i.test(s.title))!;
    assert.ok(german && quay && german.id !== quay.id, stories.map((s) => s.title).join(' | '));
    await page.goto(`${server.url}/stories/${german.id}`);
    await page.click('text=Merge or split…');
    const related = page.locator('ul.related li', { hasText: quay.title });
    assert.match(await related.innerText(), /Both mention [^\n]*Brennmouth/, 'the English story is offered: both name the port');
    await shoot('regroup');
    await noHorizontalScroll();
    await related.locator('button', { hasText: 'Merge' }).click();
    await page.waitForURL(new RegExp(`/stories/${quay.id}$`));
    assert.match(await page.locator('#events').innerText(), /Taucher prüfen die Kaimauern/);
    await page.goto(`${server.url}/stories/${german.id}`);
    assert.ok(page.url().endsWith(`/stories/${quay.id}`), 'a link to the merged story leads to the one it joined');

    // Merged by mistake: undone from the regroup page, the German report is back under its number.
    await page.click('text=Merge or split…');
    const mergedHere = page.locator('ul.related li', { hasText: 'Merged' }).or(page.locator('section', { hasText: 'Merged here by hand' }).locator('li', { hasText: 'Taucher' }));
    await mergedHere.locator('button', { hasText: 'Undo' }).click();
    await page.waitForURL(new RegExp(`/stories/${german.id}$`));
    assert.match(await page.locator('h1').innerText(), /Taucher prüfen die Kaimauern/);

    // Merged again, then its event moved out to a story of its own.
    await page.click('text=Merge or split…');
    await page.locator('ul.related li', { hasText: quay.title }).locator('button', { hasText: 'Merge' }).click();
    await page.waitForURL(new RegExp(`/stories/${quay.id}$`));
    await page.click('text=Merge or split…');
    const event = page.locator('ol.regroup-events li', { hasText: 'Taucher' });
    await event.locator('select').selectOption('new');
    await event.locator('button', { hasText: 'Move' }).click();
    await page.waitForURL(/\/stories\/\d+#event-\d+$/);
    assert.match(await page.locator('h1').innerText(), /Taucher prüfen die Kaimauern/);
    const own = Number(/\/stories\/(\d+)#/.exec(page.url())![1]);
    assert.ok(own > german.id, 'a new story number');
    await page.goto(`${server.url}/stories/${quay.id}`);
    assert.doesNotMatch(await page.locator('#events').innerText(), /Taucher/);
    assert.deepEqual(errors, []);
  });
});
