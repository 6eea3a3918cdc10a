/**
 * @module An alert on a followed story's developments, as it is sent: a title, a few lines (what
 * is new, the new events, the new reports by outlet), a link to the story, and the request body
 * for the target's format: JSON that chat webhooks show (Slack, Mattermost and Rocket.Chat read
 * `text`, Discord `content`) with the details for other receivers, or the plain text (ntfy, Gotify).
 */
import { newsSentence, type StoryNews } from '../views/story-news.js';

export interface AlertMessage {
  title: string;
  /** The message as a person reads it, link included. */
  text: string;
  /** The story on this server; null when the target has no link base. */
  url: string | null;
  details: Record<string, unknown>;
}

export interface AlertRequest {
  contentType: string;
  body: string;
  headers: Record<string, string>;
}

/** New reports listed by name; more are counted. */
const REPORTS_LISTED = 5;
/** Discord refuses a `content` longer than this. */
const CONTENT_LIMIT = 2000;

/** `linkBase` is this server's address as the alert's reader reaches it (null: no links). */
export function alertMessage(news: StoryNews, linkBase: string | null): AlertMessage {
  const base = linkBase?.replace(/\/+$/, '') ?? null;
  const url = base ? `${base}/stories/${news.storyId}` : null;
  const lines = [`${news.title}: ${newsSentence(news)}`];
  if (news.newEvents.length > 0) lines.push(`${news.newEvents.length === 1 ? 'New event' : 'New events'}: ${news.newEvents.map((e) => `“${e.title}”`).join(', ')}`);
  for (const report of news.originals.slice(0, REPORTS_LISTED)) lines.push(`· ${report.source ?? 'unknown outlet'}: ${report.title}`);
  if (news.originals.length > REPORTS_LISTED) lines.push(`· … and ${news.originals.length - REPORTS_LISTED} more`);
  lines.push(url ?? `storyline story ${news.storyId}`);
  return {
    title: `Storyline: ${news.title}`,
    text: lines.join('\n'),
    url,
    details: {
      story: { id: news.storyId, title: news.title, url },
      articles: news.articles,
      copies: news.copies,
      newEvents: news.newEvents,
      newOutlets: news.newOutlets,
      reports: news.originals.map((r) => ({ id: r.id, title: r.title, source: r.source, published: r.published, arrived: r.seenAt, url: base ? `${base}/articles/${r.id}` : null })),
    },
  };
}

/** The request that carries a message in a target's format. */
export function alertRequest(message: AlertMessage, format: 'json' | 'text'): AlertRequest {
  if (format === 'text') {
    // ntfy reads a Click header as the notification's link; header values must be plain ASCII.
    const headers: Record<string, string> = message.url && /^[\x20-\x7e]+$/.test(message.url) ? { Click: message.url } : {};
    return { contentType: 'text/plain; charset=utf-8', body: message.text, headers };
  }
  const characters = [...message.text];
  const content = characters.length > CONTENT_LIMIT ? `${characters.slice(0, CONTENT_LIMIT - 1).join('')}…` : message.text;
  return { contentType: 'application/json', body: JSON.stringify({ text: message.text, content, title: message.title, ...message.details }), headers: {} };
}
