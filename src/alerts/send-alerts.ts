/**
 * @module Sends each alert target what its followed stories brought since it was last sent: one
 * message per story with news (new original reports or a new event; copies alone are the same
 * report again and wait). A target's span of articles is taken in the store before sending, so
 * processes that ingest side by side (`serve`, `fetch` from cron) never send it twice; when a
 * target fails, its span is given back and sent again next time, with why it failed kept.
 */
import type { AlertTarget, Store } from '../store/store.js';
import { NEWS_LIMIT, storyNews, type StoryNews } from '../views/story-news.js';
import { alertMessage, alertRequest, type AlertRequest } from './alert-message.js';

/** Delivers one request, or throws why it could not. */
export type PostAlert = (url: string, request: AlertRequest) => Promise<void>;

export interface AlertsSent {
  /** Targets that were due (articles had arrived since their last span). */
  due: number;
  messages: number;
  failures: Array<{ url: string; error: string }>;
}

/** The followed stories' developments after article `from` up to `to`. */
async function developments(store: Store, from: number, to: number): Promise<StoryNews[]> {
  const found: StoryNews[] = [];
  for (const followed of await store.followedStories()) {
    const arrivals = (await store.storyArrivals(followed.storyId, Math.max(from, followed.sinceArticleId), NEWS_LIMIT)).filter((a) => a.id <= to);
    const news = storyNews(followed, arrivals, NEWS_LIMIT);
    if (news.originals.length > 0 || news.newEvents.length > 0) found.push(news);
  }
  return found;
}

export async function sendAlerts(store: Store, post: PostAlert, now: () => Date = () => new Date()): Promise<AlertsSent> {
  const sent: AlertsSent = { due: 0, messages: 0, failures: [] };
  const targets = await store.alertTargets();
  if (targets.length === 0) return sent;
  const latest = await store.latestArticleId();
  const due = targets.filter((target) => target.throughArticleId < latest);
  sent.due = due.length;
  const bySpan = new Map<number, Promise<StoryNews[]>>();
  for (const target of due) {
    const span = { from: target.throughArticleId, to: latest };
    if (!(await store.claimAlerts(target.url, span.from, span.to))) continue;
    try {
      if (!bySpan.has(span.from)) bySpan.set(span.from, developments(store, span.from, span.to));
      for (const news of await bySpan.get(span.from)!) {
        await post(target.url, alertRequest(alertMessage(news, target.linkBase), target.format));
        sent.messages += 1;
      }
      await store.recordAlertSending(target.url, span, now().toISOString());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.recordAlertSending(target.url, span, now().toISOString(), message);
      sent.failures.push({ url: target.url, error: message });
    }
  }
  return sent;
}

/** A message that says alerts reach a target, sent by `storyline alerts test`. */
export async function sendTestAlert(target: AlertTarget, post: PostAlert): Promise<void> {
  const text = 'Storyline alerts reach this address: the developments of followed stories will be sent here.';
  await post(target.url, alertRequest({ title: 'Storyline', text, url: null, details: {} }, target.format));
}
