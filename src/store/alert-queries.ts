/**
 * @module Where alerts on followed stories go (webhooks), and how far each has been sent: SQL that
 * both stores run as it is (named @parameters; PostgreSQL numbers them), and the rows made into
 * targets. Each target keeps the last article whose developments it was sent; a process takes the
 * span after it before sending (`CLAIM_ALERTS`, a compare-and-set), so two processes never send
 * the same span, and gives it back when sending fails.
 */
import type { Row } from './rows.js';
import type { AlertTarget } from './store.js';

/** A new target starts after the latest article stored: it is sent what comes next, not the past. */
export const ADD_ALERT_TARGET = `INSERT INTO alert_targets (url, format, link_base, added_at, through_article_id)
  VALUES (@url, @format, @linkBase, @at, (SELECT COALESCE(MAX(id), 0) FROM articles))
  ON CONFLICT (url) DO UPDATE SET format = excluded.format, link_base = excluded.link_base`;

export const ALERT_TARGETS = `SELECT url, format, link_base, added_at, through_article_id, sent_at, failed_at, last_error FROM alert_targets ORDER BY added_at, url`;

export const REMOVE_ALERT_TARGET = `DELETE FROM alert_targets WHERE url = @url`;

/** Takes the span after @from up to @to; changes no row when another process took it first. */
export const CLAIM_ALERTS = `UPDATE alert_targets SET through_article_id = @to WHERE url = @url AND through_article_id = @from`;

export const ALERTS_SENT = `UPDATE alert_targets SET sent_at = @at, last_error = NULL WHERE url = @url`;

/** Gives the span back (unless a later one was taken since) and keeps why sending failed. */
export const ALERTS_FAILED = `UPDATE alert_targets SET through_article_id = CASE WHEN through_article_id = @to THEN @from ELSE through_article_id END,
  failed_at = @at, last_error = @error WHERE url = @url`;

export const toAlertTarget = (r: Row): AlertTarget => ({
  url: r.url as string,
  format: r.format === 'text' ? 'text' : 'json',
  linkBase: (r.link_base as string | null) ?? null,
  addedAt: r.added_at as string,
  throughArticleId: Number(r.through_article_id),
  sentAt: (r.sent_at as string | null) ?? null,
  failedAt: (r.failed_at as string | null) ?? null,
  lastError: (r.last_error as string | null) ?? null,
});
