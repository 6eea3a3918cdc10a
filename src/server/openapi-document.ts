/** @module The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string) => ({ type: [type, 'null'] });
const pageOf = (item: string) => ({
  type: 'object',
  required: ['items', 'limit', 'offset', 'nextOffset'],
  properties: { items: { type: 'array', items: ref(item) }, limit: { type: 'integer' }, offset: { type: 'integer' }, nextOffset: nullable('integer') },
});
const paging = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, description: `${what} id`, schema: { type: 'integer', minimum: 1 } });
const storyQuery = { name: 'story', in: 'query', required: true, description: 'story id', schema: { type: 'integer', minimum: 1 } };
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const errors = { '400': json(ref('Error'), 'Bad request'), '401': json(ref('Error'), 'Token required'), '404': json(ref('Error'), 'Not found') };

const articleBrief = {
  id: { type: 'integer' },
  title: { type: 'string' },
  source: nullable('string'),
  published: nullable('string'),
  url: nullable('string'),
  language: nullable('string'),
};
const changes = {
  type: ['object', 'null'],
  properties: {
    added: { type: 'array', items: { type: 'string' } },
    removed: { type: 'array', items: { type: 'string' } },
    edited: { type: 'array', items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } } },
  },
};
const copy = { type: 'object', properties: { ...articleBrief, similarity: nullable('number'), changes } };
const span = { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } };
/** How exactly a figure is stated and the values its wording allows (high null: no upper bound). */
const figureRange = {
  precision: { type: 'string', enum: ['exact', 'approximate', 'at-least', 'at-most', 'vague'] },
  low: { type: 'number' },
  high: nullable('number'),
};

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Storyline API',
      version: '1',
      description: 'Stories, events, articles and their analysis (quotes, entities, figures, dates). Lists take limit and offset and answer { items, limit, offset, nextOffset }. Off loopback, send the server token as Authorization: Bearer <token>.',
    },
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } },
        StorySummary: {
          type: 'object',
          properties: { id: { type: 'integer' }, title: { type: 'string' }, start: nullable('string'), end: nullable('string'), articleCount: { type: 'integer' }, outletCount: { type: 'integer' }, eventCount: { type: 'integer' } },
        },
        Event: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            title: { type: 'string' },
            start: nullable('string'),
            end: nullable('string'),
            articles: { type: 'array', items: { type: 'object', properties: { ...articleBrief, copies: { type: 'array', items: copy } } } },
          },
        },
        StoryQuote: {
          type: 'object',
          properties: {
            text: { type: 'string' },
            speaker: nullable('string'),
            attribution: { ...nullable('string'), description: 'For a quote without a named person: how its articles describe the source, if they do (with a speaker, the spokesperson of that body: "a spokesman for Vestby Shipping").' },
            direct: { type: 'boolean' },
            sources: { type: 'array', items: { type: 'object', properties: { articleId: { type: 'integer' }, source: nullable('string'), published: nullable('string') } } },
            variants: { type: 'array', items: { type: 'string' } },
          },
        },
        StoryEntity: { type: 'object', properties: { name: { type: 'string' }, type: { enum: ['person', 'organisation', 'place'] }, mentions: { type: 'integer' }, articles: { type: 'integer' } } },
        Story: {
          allOf: [
            ref('StorySummary'),
            {
              type: 'object',
              properties: {
                events: { type: 'array', items: ref('Event') },
                outlets: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, articles: { type: 'integer' }, first: nullable('string') } } },
                quotes: { type: 'array', items: ref('StoryQuote') },
                figures: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, value: { type: 'number' }, unit: { type: 'string' }, ...figureRange, articleId: { type: 'integer' }, source: nullable('string'), eventId: nullable('integer') } } },
                entities: { type: 'array', items: ref('StoryEntity') },
              },
            },
          ],
        },
        Quote: { type: 'object', properties: { ...span, direct: { type: 'boolean' }, speaker: nullable('string'), speakerStart: nullable('integer'), speakerEnd: nullable('integer'), attribution: { type: 'string', description: 'Who the article says spoke when it names no person ("a source close to the president"; with a speaker, that body\'s unnamed spokesperson); absent otherwise.' } } },
        Article: {
          type: 'object',
          properties: {
            ...articleBrief,
            externalId: nullable('string'),
            path: nullable('string'),
            author: nullable('string'),
            text: { type: 'string' },
            revision: { type: 'integer' },
            seenAt: { type: 'string' },
            duplicateOf: nullable('integer'),
            similarity: nullable('number'),
            changes,
            eventId: nullable('integer'),
            storyId: nullable('integer'),
            analysis: {
              type: 'object',
              properties: {
                quotes: { type: 'array', items: ref('Quote') },
                entities: { type: 'array', items: { type: 'object', properties: { ...span, type: { type: 'string' }, name: { type: 'string' } } } },
                figures: { type: 'array', items: { type: 'object', properties: { ...span, value: { type: 'number' }, unit: { type: 'string' }, ...figureRange } } },
                dates: { type: 'array', items: { type: 'object', properties: { ...span, value: nullable('string') } } },
              },
            },
            copies: { type: 'array', items: copy },
          },
        },
        SearchHit: {
          type: 'object',
          properties: { articleId: { type: 'integer' }, storyId: nullable('integer'), title: { type: 'string' }, source: nullable('string'), published: nullable('string'), snippet: { type: 'string', description: 'matching words between [ and ]' } },
        },
        IngestJob: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            state: { enum: ['queued', 'running', 'done', 'failed'] },
            unit: { enum: ['file', 'feed'], description: 'what files and filesDone count: files, or feeds for a fetch' },
            files: { type: 'integer' },
            filesDone: { type: 'integer' },
            summary: { type: 'object', additionalProperties: { type: 'integer' } },
            problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, skipped: { type: 'boolean' } } } },
            error: nullable('string'),
            feeds: { type: 'object', description: 'a fetch only', properties: { answered: { type: 'integer' }, unchanged: { type: 'integer' }, failed: { type: 'integer' } } },
          },
        },
        StoryNews: {
          type: 'object',
          properties: {
            storyId: { type: 'integer' },
            title: { type: 'string' },
            followedAt: { type: 'string' },
            seenAt: { type: 'string' },
            articles: { type: 'integer', description: 'articles that reached the story since it was seen, copies included' },
            more: { type: 'boolean', description: 'more arrived than were read: the counts are at least these' },
            copies: { type: 'integer' },
            originals: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, source: nullable('string'), published: nullable('string'), seenAt: { type: 'string' }, eventId: nullable('integer'), eventTitle: nullable('string'), newEvent: { type: 'boolean' }, newOutlet: { type: 'boolean' } } } },
            newEvents: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' } } } },
            newOutlets: { type: 'array', items: { type: 'string' } },
            latest: nullable('string'),
          },
        },
        Feed: {
          type: 'object',
          properties: {
            feedUrl: { type: 'string' },
            title: nullable('string'),
            siteUrl: nullable('string'),
            etag: nullable('string'),
            lastModified: nullable('string'),
            fetchedAt: nullable('string'),
            nextFetchAt: { ...nullable('string'), description: 'not fetched again before this; null: due now' },
            failures: { type: 'integer', description: 'failed fetches in a row' },
            lastError: nullable('string'),
            lastItems: nullable('integer'),
            lastNew: nullable('integer'),
          },
        },
      },
    },
    security: [{}, { token: [] }],
    paths: {
      '/api/stories': {
        get: {
          summary: 'Stories, newest development first',
          parameters: [
            ...paging,
            { name: 'from', in: 'query', description: 'stories still developing on or after this day', schema: { type: 'string', format: 'date' } },
            { name: 'to', in: 'query', description: 'stories that started on or before this day', schema: { type: 'string', format: 'date' } },
            { name: 'outlet', in: 'query', schema: { type: 'string' } },
            { name: 'entity', in: 'query', description: 'canonical name of a person, organisation or place', schema: { type: 'string' } },
          ],
          responses: { '200': json(pageOf('StorySummary')), ...errors },
        },
      },
      '/api/stories/{id}': { get: { summary: 'One story (as `storyline story --json`)', parameters: [idParam('story')], responses: { '200': json(ref('Story')), ...errors } } },
      '/api/stories/{id}/events': { get: { summary: "A story's events with their articles and folded copies", parameters: [idParam('story'), ...paging], responses: { '200': json(pageOf('Event')), ...errors } } },
      '/api/articles/{id}': { get: { summary: 'One article with its analysis and copies', parameters: [idParam('article')], responses: { '200': json(ref('Article')), ...errors } } },
      '/api/articles/{id}/quotes': { get: { summary: "An article's quotes", parameters: [idParam('article'), ...paging], responses: { '200': json(pageOf('Quote')), ...errors } } },
      '/api/quotes': { get: { summary: "A story's quotes with every outlet that carried them", parameters: [storyQuery, ...paging], responses: { '200': json(pageOf('StoryQuote')), ...errors } } },
      '/api/entities': { get: { summary: 'People, organisations and places named in a story', parameters: [storyQuery, ...paging], responses: { '200': json(pageOf('StoryEntity')), ...errors } } },
      '/api/search': {
        get: {
          summary: 'Full-text search over articles',
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }, ...paging],
          responses: { '200': json(pageOf('SearchHit')), ...errors },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Ingest uploaded files (multipart field "files"), web addresses to fetch (field "addresses", one a line; in JSON a list) or pasted text (field "text", with optional title, source, published, url)',
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } }, addresses: { type: 'string' }, text: { type: 'string' }, title: { type: 'string' }, source: { type: 'string' }, published: { type: 'string' }, url: { type: 'string' } },
                },
              },
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { addresses: { type: 'array', items: { type: 'string' } }, text: { type: 'string' }, title: { type: 'string' }, source: { type: 'string' }, published: { type: 'string' }, url: { type: 'string' } },
                },
              },
            },
          },
          responses: { '202': json(ref('IngestJob'), 'Accepted: poll /api/ingest/{id}'), '413': json(ref('Error'), 'Upload too large'), ...errors },
        },
      },
      '/api/following': {
        get: {
          summary: 'Followed stories, each with what reached it since it was last seen (new articles, copies, events, outlets); the latest news first',
          responses: { '200': json({ type: 'object', properties: { following: { type: 'array', items: ref('StoryNews') } } }), ...errors },
        },
      },
      '/api/stories/{id}/follow': {
        post: { summary: 'Follow a story (the one it was merged into, when it was); its news starts now', parameters: [idParam('story')], responses: { '201': json({ type: 'object', properties: { storyId: { type: 'integer' } } }), ...errors } },
        delete: { summary: 'Stop following a story', parameters: [idParam('story')], responses: { '200': json({ type: 'object', properties: { storyId: { type: 'integer' } } }), ...errors } },
      },
      '/api/stories/{id}/related': {
        get: {
          summary: 'Other stories that mention what this story names (its most named people, organisations and places, and the names in its headlines), those sharing most first: the ones to merge it with',
          parameters: [idParam('story')],
          responses: { '200': json({ type: 'object', properties: { related: { type: 'array', items: { type: 'object', properties: { story: ref('StorySummary'), shared: { type: 'array', items: { type: 'string' } } } } } } }), ...errors },
        },
      },
      '/api/stories/{id}/merge': {
        post: {
          summary: 'Merge stories into this one by hand: their events move here, a link to one of them leads here, and what arrives next is grouped with it',
          parameters: [idParam('story')],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { stories: { type: 'array', items: { type: 'integer' } } }, required: ['stories'] } } } },
          responses: { '200': json({ type: 'object', properties: { storyId: { type: 'integer' }, merged: { type: 'array', items: { type: 'integer' } }, movedEvents: { type: 'array', items: { type: 'integer' } } } }), ...errors },
        },
      },
      '/api/stories/{id}/unmerge': {
        post: {
          summary: 'Undo the latest merge by hand of this story into another: it is back under its number with the events it brought, and kept apart from the story it had joined',
          parameters: [idParam('story')],
          responses: { '200': json({ type: 'object', properties: { storyId: { type: 'integer' }, from: nullable('integer'), events: { type: 'array', items: { type: 'integer' } } } }), ...errors },
        },
      },
      '/api/events/{id}/move': {
        post: {
          summary: 'Move an event by hand to another story, or to a story of its own ("story": null); the two stories are never merged again on their own, and a story it leaves empty leads to where it went',
          parameters: [idParam('event')],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { story: nullable('integer') }, required: ['story'] } } } },
          responses: { '200': json({ type: 'object', properties: { eventId: { type: 'integer' }, storyId: { type: 'integer' }, merged: { type: 'array', items: { type: 'integer' } } } }), ...errors },
        },
      },
      '/api/feeds': {
        get: { summary: 'The subscribed feeds with what their last fetch brought and when each is due', responses: { '200': json({ type: 'object', properties: { feeds: { type: 'array', items: ref('Feed') } } }), ...errors } },
        post: {
          summary: "Subscribe to a feed's address, or to the first feed a web page announces (the address is fetched first)",
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] } } } },
          responses: { '201': json({ type: 'object', properties: { feed: ref('Feed'), message: { type: 'string' } } }), '422': json(ref('Error'), 'Nothing to subscribe to there'), ...errors },
        },
        delete: {
          summary: 'Unsubscribe (the articles the feed brought stay)',
          parameters: [{ name: 'url', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '200': json({ type: 'object', properties: { removed: { type: 'integer' } } }), ...errors },
        },
      },
      '/api/feeds/fetch': {
        post: {
          summary: 'Fetch the feeds that are due (all with {"all": true}) as an ingest job; a fetch under way is returned instead of a second',
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { all: { type: 'boolean' } } } } } },
          responses: { '202': json(ref('IngestJob'), 'Accepted: poll /api/ingest/{id}'), ...errors },
        },
      },
      '/api/ingest/{id}': {
        get: { summary: 'Progress and summary of an ingest', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json(ref('IngestJob')), ...errors } },
      },
    },
  };
}
