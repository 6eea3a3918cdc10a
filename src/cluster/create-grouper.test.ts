import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createGrouper } from './create-grouper.js';
import { emptyAnalysis } from '../model/analysis.js';
import type { EventRecord, Grouper, GroupingInput, Placement, Regrouping, StoredPlacement, StoryRecord } from '../model/grouping.js';

const fixture = (name: string): string => readFileSync(new URL(`./testdata/${name}.txt`, import.meta.url), 'utf8').trim();

const WIRE = fixture('wire-original');
const INDEPENDENT = fixture('independent-report');
const TRANSLATED = fixture('translated-report');
const LATER = fixture('later-event');
const UNRELATED = fixture('unrelated');

interface Doc {
  title: string;
  text: string;
  source?: string;
  published?: string | null;
  language?: string;
}

let nextId = 1;
function input(doc: Doc, id = nextId++): GroupingInput {
  return {
    id,
    seenAt: `2025-05-${String(7 + Math.floor(id / 100)).padStart(2, '0')}T12:00:00Z`,
    analysis: emptyAnalysis(),
    article: {
      externalId: null,
      path: null,
      url: null,
      source: doc.source ?? null,
      author: null,
      title: doc.title,
      text: doc.text,
      published: doc.published ?? null,
      modified: null,
      language: doc.language ?? 'en',
    },
  };
}

function place(grouper: Grouper, doc: GroupingInput): Placement {
  const placement = grouper.decide(doc);
  grouper.apply(doc, placement);
  return placement;
}

const paragraphs = (text: string): string[] => text.split('\n\n');
const join = (ps: string[]): string => ps.join('\n\n');

const original: Doc = { title: 'Valmora dockworkers to strike from Monday over night pay', text: WIRE, source: 'Meridian Press' };

const FURNITURE_TOP = [
  'Home | News | Business | Sport | Opinion | Culture | Podcasts | Newsletters',
  'Sign in to your Coast Herald account to save articles and comment on the stories that matter to you',
  'Breaking: heavy rain expected across the northern districts tonight, forecasters warn drivers',
].join('\n\n');
const FURNITURE_BOTTOM = [
  'Advertisement',
  'Read more: the ten best seaside walks along the northern coast this summer, chosen by our readers',
  'Read more: city council approves new cycle lanes on the harbour road after a two year consultation',
  'Read more: local bakery wins national prize for its rye bread for the third year in a row',
  'We use cookies to improve your experience on our site and to show you relevant advertising. By continuing to browse you agree to our use of cookies as described in our privacy policy',
  'Subscribe to the Coast Herald morning briefing and get the stories that matter delivered to your inbox every day before seven',
  'Copyright Coast Herald Media Group. All rights reserved. No part of this site may be reproduced without written permission from the publisher',
  'About us | Contact | Careers | Advertise with us | Terms of use | Privacy policy | Cookie settings',
].join('\n\n');

const copies: Record<string, Doc> = {
  'a new headline': { title: 'Port of Valmora braces for walkout', text: WIRE, source: 'Coast Herald' },
  'a trimmed ending': { title: 'Valmora strike on Monday', text: join(paragraphs(WIRE).slice(0, 5)), source: 'Coast Herald' },
  'an extended ending': {
    title: 'Valmora port strike looms',
    text: `${WIRE}\n\nLocal fishermen, who share the outer basin with the container terminal, said they would not join the action but supported the dockworkers.\n\nThe Coast Herald will follow the dispute as it develops.`,
    source: 'Coast Herald',
  },
  'inserted boilerplate lines': {
    title: 'Valmora dockworkers strike',
    text: paragraphs(WIRE)
      .flatMap((p, i) => (i === 2 ? [p, 'JOIN US ON TELEGRAM', 'Advertisement'] : i === 5 ? [p, 'Follow our live coverage of the dispute on our app'] : [p]))
      .join('\n\n'),
    source: 'Coast Herald',
  },
  'long page furniture around it': { title: 'Dockworkers to strike', text: `${FURNITURE_TOP}\n\n${WIRE}\n\n${FURNITURE_BOTTOM}`, source: 'Coast Herald' },
  'a dropped paragraph': {
    title: 'Strike at Valmora',
    text: join(paragraphs(WIRE).filter((_, i) => i !== 3)),
    source: 'Coast Herald',
  },
  'light word edits': {
    title: 'Valmora port strike',
    text: WIRE.replace('will walk out on Monday', 'will walk off the job on Monday')
      .replace('told reporters', 'told journalists')
      .replace(/"/g, '\u201c')
      .replace('roughly 40 percent', 'about 40%')
      .replace('urged both sides', 'called on both sides'),
    source: 'Coast Herald',
  },
};

describe('createGrouper: folding syndicated copies', () => {
  for (const [edit, copy] of Object.entries(copies)) {
    it(`folds a copy with ${edit} onto the original and joins its event`, () => {
      const grouper = createGrouper();
      const o = place(grouper, input(original));
      const c = place(grouper, input(copy));
      assert.equal(c.duplicateOf !== null, true, `copy with ${edit} was not folded`);
      assert.equal(c.event.id, o.event.id);
      assert.ok(c.similarity !== null && c.similarity >= 0.5 && c.similarity <= 1);
    });
  }

  it('records what a trimmed, reworded copy removed and edited', () => {
    const grouper = createGrouper();
    const o = input(original);
    place(grouper, o);
    const ps = paragraphs(WIRE);
    const edited = ps[1]!.replace('told reporters', 'told journalists');
    const copyText = join([ps[0]!, edited, ...ps.slice(2, 6), 'Additional reporting by Coast Herald staff.']);
    const c = place(grouper, input({ title: 'Strike', text: copyText, source: 'Coast Herald' }));
    assert.equal(c.duplicateOf, o.id);
    assert.deepEqual(c.changes?.removed, ps.slice(6));
    assert.deepEqual(c.changes?.edited, [{ from: ps[1], to: edited }]);
    assert.deepEqual(c.changes?.added, ['Additional reporting by Coast Herald staff.']);
  });

  it('points a copy of a copy at the root original', () => {
    const grouper = createGrouper();
    const o = input(original);
    place(grouper, o);
    assert.equal(place(grouper, input(copies['long page furniture around it']!)).duplicateOf, o.id);
    // Closest to the first copy (same furniture), but folded onto the root original.
    const second = place(grouper, input({ title: 'Again', text: `${FURNITURE_TOP}\n\n${join(paragraphs(WIRE).slice(0, 6))}`, source: 'Bay Times' }));
    assert.equal(second.duplicateOf, o.id);
  });

  it('keeps an independent report of the same announcement apart, in the same story', () => {
    const grouper = createGrouper();
    const o = place(grouper, input(original));
    const r = place(grouper, input({ title: 'Valmora port faces standstill as union calls strike', text: INDEPENDENT, source: 'Valmora Daily' }));
    assert.equal(r.duplicateOf, null);
    assert.equal(r.story.id, o.story.id);
  });

  it('does not fold a machine-translated report but puts it in the same event', () => {
    const grouper = createGrouper();
    const o = place(grouper, input(original));
    const t = place(grouper, input({ title: 'Dock workers of Valmora in strike from Monday', text: TRANSLATED, source: 'Le Courrier du Port' }));
    assert.equal(t.duplicateOf, null);
    assert.equal(t.event.id, o.event.id);
  });

  it('does not fold two different articles of one outlet that share its page furniture', () => {
    const grouper = createGrouper();
    const wrap = (text: string): string => `${FURNITURE_TOP}\n\n${text}\n\n${FURNITURE_BOTTOM}`;
    place(grouper, input({ title: 'Strike', text: wrap(WIRE), source: 'Coast Herald' }));
    const other = place(grouper, input({ title: 'Companion found', text: wrap(UNRELATED), source: 'Coast Herald' }));
    assert.equal(other.duplicateOf, null);
  });
});

describe('createGrouper: events and stories', () => {
  it('puts a later development in the same story but a new event, and an unrelated article apart', () => {
    const grouper = createGrouper();
    const o = place(grouper, input({ ...original, published: '2025-05-07' }));
    const later = place(grouper, input({ title: 'Mediator fails to end Valmora port strike', text: LATER, published: '2025-05-15', source: 'Valmora Daily' }));
    const other = place(grouper, input({ title: 'Astronomers find brown dwarf next to red star', text: UNRELATED, published: '2025-05-15' }));
    assert.notEqual(later.event.id, o.event.id);
    assert.equal(later.story.id, o.story.id);
    assert.notEqual(other.story.id, o.story.id);
    assert.equal(later.story.start, '2025-05-07');
    assert.equal(later.story.end, '2025-05-15');
  });

  it('puts a feature piece in the story its reports make together, and another subject of the same town apart', () => {
    // The feature tells the strike through a café and a driver's family; the museum shares the
    // town, its street and its harbour, and no more.
    const grouper = createGrouper();
    place(grouper, input({ ...original, published: '2025-05-07' }));
    place(grouper, input({ title: 'Valmora port faces standstill as union calls strike', text: INDEPENDENT, source: 'Valmora Daily', published: '2025-05-07' }));
    place(grouper, input({ title: 'Dock workers of Valmora in strike from Monday', text: TRANSLATED, source: 'Le Courrier du Port', published: '2025-05-08' }));
    const later = place(grouper, input({ title: 'Mediator fails to end Valmora port strike', text: LATER, published: '2025-05-15', source: 'Valmora Daily' }));
    const museum = place(grouper, input({ title: 'Valmora Maritime Museum reopens under a glass roof', text: fixture('valmora-museum'), published: '2025-05-16', source: 'Valmora Daily' }));
    const feature = place(grouper, input({ title: 'No night shift, no soup: Quay Street waits', text: fixture('strike-feature'), published: '2025-05-16', source: 'Valmora Daily' }));
    assert.equal(feature.story.id, later.story.id);
    assert.notEqual(feature.event.id, later.event.id);
    assert.notEqual(museum.story.id, later.story.id);
  });

  it('puts another outlet\'s report of the same happening, published the same day, in its event; undated, in the story only', () => {
    // A wire report and a local paper's own report of one ferry operator's collapse: the same names,
    // little of the same wording.
    const wire = { title: 'Lindqvist Ferries files for insolvency, Sandholm crossings stop', text: fixture('ferry-collapse-wire'), source: 'Nordwire' };
    const local = { title: 'Empty quays on Sandholm as ferry operator goes under', text: fixture('ferry-collapse-local'), source: 'Sandholm Tidende' };
    const grouper = createGrouper();
    const o = place(grouper, input({ ...wire, published: '2025-05-08T09:00:00Z' }));
    const sameDay = place(grouper, input({ ...local, published: '2025-05-08T19:00:00Z' }));
    assert.equal(sameDay.duplicateOf, null);
    assert.equal(sameDay.event.id, o.event.id);
    // Without dates nothing says it is not a later development: its own event, in the story.
    const apart = createGrouper();
    const undatedWire = place(apart, input(wire));
    const undated = place(apart, input(local));
    assert.notEqual(undated.event.id, undatedWire.event.id);
    assert.equal(undated.story.id, undatedWire.story.id);
  });

  it('puts reports in French and German in the event they cover, and another language\'s other news of the same country apart', () => {
    // Only the names are shared: the place, the union, its leader, the spokesman and the minister.
    const grouper = createGrouper();
    const day = '2025-05-07';
    const o = place(grouper, input({ ...original, published: `${day}T08:00:00Z` }));
    place(grouper, input({ title: 'Lindqvist Ferries files for insolvency, Sandholm crossings stop', text: fixture('ferry-collapse-wire'), source: 'Nordwire', published: `${day}T09:00:00Z` }));
    place(grouper, input({ title: 'Astronomers find brown dwarf next to red star', text: UNRELATED, published: `${day}T09:30:00Z` }));
    const fr = place(grouper, input({ title: 'Grève des dockers à Valmora dès lundi', text: fixture('strike-report-fr'), source: 'Le Courrier du Port', published: `${day}T11:00:00Z`, language: 'fr' }));
    const de = place(grouper, input({ title: 'Hafenarbeiter in Valmora wollen ab Montag streiken', text: fixture('strike-report-de'), source: 'Nordsee-Kurier', published: `${day}T12:00:00Z`, language: 'de' }));
    const cup = place(grouper, input({ title: 'FC Valmora holt den Landespokal', text: fixture('valmora-cup-de'), source: 'Nordsee-Kurier', published: `${day}T21:00:00Z`, language: 'de' }));
    assert.equal(fr.duplicateOf, null);
    assert.equal(fr.event.id, o.event.id, 'the French report is not in the event');
    assert.equal(de.event.id, o.event.id, 'the German report is not in the event');
    assert.notEqual(cup.story.id, o.story.id, 'the German cup final is in the strike story');
  });

  it('judges a report less than a day from the event by its similarity as it is, against the same-day bar; a day or more apart, by the decayed one', () => {
    const wire = { title: 'Lindqvist Ferries files for insolvency, Sandholm crossings stop', text: fixture('ferry-collapse-wire'), source: 'Nordwire' };
    const local = { title: 'Empty quays on Sandholm as ferry operator goes under', text: fixture('ferry-collapse-local'), source: 'Sandholm Tidende' };
    // A bar no decayed score reaches, and a low same-day bar: only the same day decides.
    const options = { storyEventThreshold: 0.99, sameDayEventThreshold: 0.05 };
    const within = createGrouper(options);
    const o = place(within, input({ ...wire, published: '2025-05-08T06:00:00Z' }));
    assert.equal(place(within, input({ ...local, published: '2025-05-08T23:00:00Z' })).event.id, o.event.id);
    const apart = createGrouper(options);
    const o2 = place(apart, input({ ...wire, published: '2025-05-08T06:00:00Z' }));
    const nextDay = place(apart, input({ ...local, published: '2025-05-09T08:00:00Z' }));
    assert.notEqual(nextDay.event.id, o2.event.id);
    assert.equal(nextDay.story.id, o2.story.id);
  });

  it('names events and stories after their articles', () => {
    const grouper = createGrouper();
    place(grouper, input(original));
    const t = place(grouper, input({ title: 'Dock workers of Valmora in strike from Monday', text: TRANSLATED }));
    assert.ok([original.title, 'Dock workers of Valmora in strike from Monday'].includes(t.event.title));
    assert.ok(/valmora/i.test(t.story.title));
  });
});

describe('createGrouper: order and restart', () => {
  it('makes the earlier-published article the original for later decisions when the copy came first', () => {
    const grouper = createGrouper();
    const copy = place(grouper, input({ ...copies['a trimmed ending']!, published: '2025-05-07T11:00:00Z' }));
    assert.equal(copy.duplicateOf, null);
    const origInput = input({ ...original, published: '2025-05-07T09:00:00Z' });
    const orig = place(grouper, origInput);
    assert.equal(orig.duplicateOf, null);
    assert.equal(orig.event.id, copy.event.id);
    const third = place(grouper, input({ ...copies['a new headline']!, published: '2025-05-07T12:00:00Z' }));
    assert.equal(third.duplicateOf, origInput.id);
  });

  it('re-points copies stored before their original at it, with what each changed', () => {
    const grouper = createGrouper();
    const trimmedInput = input({ ...copies['a trimmed ending']!, published: '2025-05-07T11:00:00Z' });
    const trimmed = place(grouper, trimmedInput);
    const wordedInput = input({ ...copies['light word edits']!, published: '2025-05-07T10:30:00Z' });
    const worded = place(grouper, wordedInput);
    // The reworded copy is earlier than the trimmed one, so it took the group over first.
    assert.equal(trimmed.duplicateOf, null);
    assert.deepEqual(worded.refolded?.map((r) => [r.id, r.duplicateOf]), [[trimmedInput.id, wordedInput.id]]);
    const origInput = input({ ...original, published: '2025-05-07T09:00:00Z' });
    const orig = place(grouper, origInput);
    assert.equal(orig.duplicateOf, null);
    const refolded = orig.refolded ?? [];
    assert.deepEqual(
      refolded.map((r) => [r.id, r.duplicateOf]),
      [
        [trimmedInput.id, origInput.id],
        [wordedInput.id, origInput.id],
      ],
    );
    const trimmedChanges = refolded[0]!.changes;
    assert.deepEqual(trimmedChanges?.removed, paragraphs(WIRE).slice(5));
    assert.deepEqual(trimmedChanges?.added, []);
    assert.ok(refolded.every((r) => r.similarity !== null && r.similarity >= 0.5));
    // Later copies fold onto the original, and nothing re-points what is already right.
    const later = place(grouper, input({ ...copies['a dropped paragraph']!, published: '2025-05-07T12:00:00Z' }));
    assert.equal(later.duplicateOf, origInput.id);
    assert.equal(later.refolded, undefined);
  });

  it('does not re-point an earlier-published independent report when its follow-up arrives', () => {
    const grouper = createGrouper();
    place(grouper, input({ title: 'Valmora port faces standstill', text: INDEPENDENT, published: '2025-05-07T11:00:00Z' }));
    const o = place(grouper, input({ ...original, published: '2025-05-07T09:00:00Z' }));
    assert.equal(o.refolded, undefined);
  });

  it('makes the credited agency the original of a copy that credits it', () => {
    const grouper = createGrouper({ copies: { findCredits: (text) => [...text.matchAll(/With (Meridian Press)/g)].map((m) => m[1]!) } });
    place(grouper, input({ title: 'Strike', text: `${WIRE}\n\nWith Meridian Press`, source: 'Coast Herald' }));
    const agency = input(original);
    assert.equal(place(grouper, agency).duplicateOf, null);
    const later = place(grouper, input(copies['a dropped paragraph']!));
    assert.equal(later.duplicateOf, agency.id);
  });

  it('continues after restore() exactly as an uninterrupted run, numbering after restored ids', () => {
    const docs: Doc[] = [
      { ...original, published: '2025-05-07' },
      { ...copies['a new headline']!, published: '2025-05-07' },
      { title: 'Astronomers find brown dwarf', text: UNRELATED, published: '2025-05-07' },
      { title: 'Valmora port faces standstill', text: INDEPENDENT, published: '2025-05-08' },
      { ...copies['long page furniture around it']!, published: '2025-05-08' },
      { title: 'Dock workers of Valmora in strike', text: TRANSLATED, published: '2025-05-08' },
      { title: 'Mediator fails to end Valmora strike', text: LATER, published: '2025-05-15' },
      { ...copies['light word edits']!, published: '2025-05-09' },
    ];
    const inputs = docs.map((d, i) => input(d, 1000 + i));
    const uninterrupted = createGrouper();
    const expected = inputs.map((doc) => place(uninterrupted, doc));

    // The store as it stands after the first five placements (records upserted, last write wins).
    const cut = 5;
    const events = new Map<number, EventRecord>();
    const stories = new Map<number, StoryRecord>();
    for (const p of expected.slice(0, cut)) {
      events.set(p.event.id, p.event);
      stories.set(p.story.id, p.story);
    }
    const resumed = createGrouper();
    inputs.slice(0, cut).forEach((doc, i) => {
      const event = events.get(expected[i]!.event.id)!;
      const stored: StoredPlacement = { ...doc, duplicateOf: expected[i]!.duplicateOf, event, story: stories.get(event.storyId)! };
      resumed.restore(stored);
    });
    const actual = inputs.slice(cut).map((doc) => place(resumed, doc));
    assert.deepEqual(actual, expected.slice(cut));
  });
});

describe('createGrouper: story merges', () => {
  // Two stories that start apart (no shared word) until reports link them.
  const dockers = ['Valmora dockers strike over pay', 'Valmora dockers walk out over pay', 'Dockers in Valmora strike for higher pay'];
  const ships = ['Cargo ships queue outside the harbour', 'Dozens of cargo ships queue outside harbour', 'Cargo ships wait in queue outside harbour'];
  const bridges = [
    'Valmora dockers strike leaves cargo ships queueing outside harbour',
    'Valmora strike: cargo ships queue outside harbour as dockers stay out',
    'Harbour strike: cargo ships queue as Valmora dockers walk out',
  ];
  const headline = (title: string): GroupingInput => input({ title, text: '' });

  it('merges two stories once reports bridge them, moving the smaller one\'s events', () => {
    const grouper = createGrouper();
    const first = dockers.map((t) => place(grouper, headline(t)));
    const second = ships.map((t) => place(grouper, headline(t)));
    assert.notEqual(first[0]!.story.id, second[0]!.story.id, 'apart before any report links them');
    const linked = bridges.map((t) => place(grouper, headline(t)));
    const merge = linked.find((p) => p.mergedStoryIds.length > 0);
    assert.ok(merge !== undefined, 'a bridging report merges the stories');
    assert.deepEqual(merge.mergedStoryIds, [first[0]!.story.id], 'the smaller story is absorbed');
    assert.equal(merge.story.id, second[0]!.story.id);
    assert.deepEqual(
      merge.movedEvents.map((e) => [e.id, e.storyId]),
      [[first[0]!.event.id, second[0]!.story.id]],
    );
    const later = place(grouper, headline('Valmora dockers reject new pay offer'));
    assert.equal(later.story.id, second[0]!.story.id, 'later reports join the merged story');
    const unrelated = place(grouper, headline('Astronomers find brown dwarf next to red star'));
    assert.notEqual(unrelated.story.id, second[0]!.story.id);
  });

  it('keeps the stories apart when merging is off', () => {
    const grouper = createGrouper({ mergeThreshold: Infinity });
    const placed = [...dockers, ...ships, ...bridges].map((t) => place(grouper, headline(t)));
    assert.ok(placed.every((p) => p.mergedStoryIds.length === 0));
    assert.equal(new Set(placed.map((p) => p.story.id)).size, 2);
  });

  /** What the store hands the grouper when the reader merges story `from` into `into`. */
  const byHand = (from: Placement, into: Placement): Regrouping => ({
    stories: [{ ...into.story }],
    movedEvents: [{ ...from.event, storyId: into.story.id }],
    merged: [{ id: from.story.id, into: into.story.id }],
  });

  it('takes stories merged by hand: what comes next of either is placed in the one story', () => {
    const grouper = createGrouper({ mergeThreshold: Infinity });
    const strike = dockers.map((t) => place(grouper, headline(t)));
    const queue = ships.map((t) => place(grouper, headline(t)));
    grouper.regroup!(byHand(queue[0]!, strike[0]!));
    const sameEvent = place(grouper, headline('Cargo ships queue outside the Valmora harbour'));
    assert.equal(sameEvent.event.id, queue[0]!.event.id, 'a report of the queue joins its event');
    assert.equal(sameEvent.story.id, strike[0]!.story.id, 'which is in the strike story now');
    const restarted = createGrouper({ mergeThreshold: Infinity });
    assert.ok(restarted.loadState!(grouper.saveState!()));
    assert.equal(place(restarted, headline('Dozens of cargo ships still queue outside harbour')).story.id, strike[0]!.story.id, 'and after a restart');
  });

  it('takes an event moved by hand to a story of its own: its reports follow it there, and the two stories are never merged again', () => {
    const grouper = createGrouper();
    const first = dockers.map((t) => place(grouper, headline(t)));
    ships.map((t) => place(grouper, headline(t)));
    const linked = bridges.map((t) => place(grouper, headline(t)));
    const merged = linked.find((p) => p.mergedStoryIds.length > 0)!;
    const strikeEvent = merged.movedEvents.find((e) => e.id === first[0]!.event.id)!;
    // The reader takes the strike's event out of the harbour story, into story 99.
    const own = { id: 99, title: strikeEvent.title, start: null, end: null };
    grouper.regroup!({ stories: [merged.story, own], movedEvents: [{ ...strikeEvent, storyId: 99 }], merged: [], apart: [[merged.story.id, 99]] });
    const strikeReport = place(grouper, headline('Valmora dockers strike over pay for a third day'));
    assert.equal(strikeReport.story.id, 99, 'a report of the strike joins it in its own story');
    const bridging = ['Valmora dockers strike keeps cargo ships queueing outside harbour', 'Cargo ships queue outside harbour as Valmora dockers strike over pay'].map((t) => place(grouper, headline(t)));
    assert.ok(bridging.every((p) => p.mergedStoryIds.length === 0), 'reports of both do not merge the stories again');
    const next = place(grouper, headline('Valmora dockers walk out over pay again'));
    assert.equal(next.story.id, 99);
    assert.ok(place(grouper, headline('A new story after the move')).story.id > 99, 'new stories are numbered after the one made by hand');
  });

  it('opens a story closed for weeks again when a newer story is merged into it by hand', () => {
    const grouper = createGrouper();
    const at = (doc: Doc, id: number, day: string): GroupingInput => ({ ...input(doc, id), seenAt: `${day}T12:00:00Z` });
    const strike = place(grouper, at({ ...original, published: '2025-03-03' }, 1, '2025-03-03'));
    // A thousand notices two months on close the strike story (the windows are weeks long).
    for (let i = 0; i < 1_000; i++) place(grouper, at({ title: `Notice ${i}`, text: `Registry notice q${i}x lodged with the clerk z${i}w on the harbour roll.` }, 2 + i, '2025-05-05'));
    const museum = place(grouper, at({ title: 'Valmora Maritime Museum reopens under a glass roof', text: fixture('valmora-museum'), published: '2025-05-06', source: 'Valmora Daily' }, 1_100, '2025-05-06'));
    assert.notEqual(museum.story.id, strike.story.id);
    grouper.regroup!(byHand(museum, strike));
    const copy = place(grouper, at({ title: 'Museum reopens', text: fixture('valmora-museum'), published: '2025-05-06', source: 'Coast Herald' }, 1_101, '2025-05-06'));
    assert.equal(copy.story.id, strike.story.id);
    assert.deepEqual(copy.mergedStoryIds, []);
  });
});

describe('createGrouper: headline-only items', () => {
  const item = (title: string, url: string | null = null): GroupingInput => ({
    ...input({ title, text: '' }),
    article: { ...input({ title, text: '' }).article, url },
  });
  const strikeWithoutCommonWords = (withUrls: boolean): Placement[] => {
    const grouper = createGrouper();
    return [
      item('Port falls silent as night shift stays home', withUrls ? 'https://coast.example/news/2025/05/07/valmora-dockworkers-strike-over-night-pay' : null),
      item('Cranes idle, ships wait at anchor', withUrls ? 'https://gazette.example/business/valmora-dockworkers-strike-halts-port-over-night-pay-9912' : null),
    ].map((doc) => place(grouper, doc));
  };

  it('puts two differently worded headlines of one happening in one story through the words of their URLs', () => {
    const [first, second] = strikeWithoutCommonWords(true);
    assert.equal(second!.story.id, first!.story.id);
    const [apartFirst, apartSecond] = strikeWithoutCommonWords(false);
    assert.notEqual(apartSecond!.story.id, apartFirst!.story.id, 'without their URLs nothing links them');
  });

  it('keeps two happenings of one subject in different events', () => {
    const grouper = createGrouper();
    const strike = place(grouper, item('Valmora dockworkers strike over night pay'));
    const vote = place(grouper, item('Valmora dockworkers elect a new union leader'));
    const again = place(grouper, item('Night pay strike by Valmora dockworkers enters second day'));
    assert.notEqual(vote.event.id, strike.event.id);
    assert.equal(again.event.id, strike.event.id, 'a report of the same strike joins its event');
  });

  it('applies the headline-only thresholds to items without text only', () => {
    const grouper = createGrouper({ headlineOnly: { eventThreshold: 2 } });
    const a = place(grouper, item('Valmora dockworkers strike over night pay'));
    const b = place(grouper, item('Valmora dockworkers strike over night pay again'));
    assert.notEqual(b.event.id, a.event.id, 'no headline can reach the event threshold');
    const full = place(grouper, input({ title: 'Valmora dockworkers to strike from Monday over night pay', text: WIRE }));
    const fullAgain = place(grouper, input({ title: 'Dockworkers in Valmora strike over night pay', text: TRANSLATED }));
    assert.equal(fullAgain.event.id, full.event.id, 'full articles keep the usual threshold');
  });
});
