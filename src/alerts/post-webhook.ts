/**
 * @module The network edge of alerts: one POST of an alert to a webhook, within a time limit. A
 * failure (no answer, an HTTP error) is thrown as a message that says what happened.
 */
import { networkMessage, USER_AGENT } from '../sources/http-get.js';
import type { AlertRequest } from './alert-message.js';

const TIMEOUT_MS = 15_000;

export async function postWebhook(url: string, request: AlertRequest): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': request.contentType, 'user-agent': USER_AGENT, ...request.headers },
      body: request.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(networkMessage(error, TIMEOUT_MS), { cause: error });
  }
  const answer = await response.text().catch(() => '');
  if (!response.ok) throw new Error(`HTTP ${response.status}${answer ? `: ${answer.replace(/\s+/g, ' ').trim().slice(0, 200)}` : ''}`);
}
