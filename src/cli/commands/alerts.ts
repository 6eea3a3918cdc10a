/**
 * @module `storyline alerts [add <URL> [--text] [--link-base URL] | remove <URL...> | send | test]`:
 * where the developments of followed stories are sent (webhooks: Slack, Discord, Mattermost,
 * ntfy...), sending what is due now, and a test message. `ingest`, `fetch` and `serve` send what is
 * due after each run on their own.
 */
import { parseArgs } from 'node:util';
import { postWebhook } from '../../alerts/post-webhook.js';
import { sendAlerts, sendTestAlert } from '../../alerts/send-alerts.js';
import type { AlertTarget, Store } from '../../store/store.js';
import { dbOption, openStore } from '../options.js';
import { minuteOf } from '../time-text.js';

const USAGE = [
  'Usage: storyline alerts [--db FILE]                                  where alerts go, and how the last sending went',
  '       storyline alerts add <URL> [--text] [--link-base URL] [--db FILE]  send developments of followed stories to a webhook',
  '       storyline alerts remove <URL...> [--db FILE]',
  '       storyline alerts send [--db FILE]                             send what is due now',
  '       storyline alerts test [--db FILE]                             a test message to every target',
].join('\n');

/** An http(s) address, or why it is none. */
function webAddress(text: string, what: string): string | Error {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // not a URL at all: said below
  }
  return new Error(`${what} must be an http:// or https:// address: ${text}`);
}

function targetLine(target: AlertTarget): string {
  const how = [target.format === 'text' ? 'plain text' : 'JSON', target.linkBase ? `links to ${target.linkBase}` : 'no links'];
  const last = target.failedAt && (!target.sentAt || target.failedAt > target.sentAt)
    ? `failed ${minuteOf(target.failedAt)}: ${target.lastError ?? 'unknown error'} (sent again next time)`
    : target.sentAt
      ? `last sent ${minuteOf(target.sentAt)}`
      : 'nothing sent yet';
  return `${target.url}  (${how.join(', ')}; ${last})`;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...dbOption, text: { type: 'boolean', default: false }, 'link-base': { type: 'string' } },
    allowPositionals: true,
  });
  const [action = 'list', ...urls] = positionals;
  const known = ['list', 'add', 'remove', 'send', 'test'];
  if (!known.includes(action) || ((action === 'add' || action === 'remove') && urls.length === 0) || (action === 'add' && urls.length > 1)) {
    console.error(USAGE);
    return 2;
  }
  const checked = action === 'add' ? [webAddress(urls[0]!, 'a webhook'), ...(values['link-base'] ? [webAddress(values['link-base'], '--link-base')] : [])] : [];
  const wrong = checked.find((c): c is Error => c instanceof Error);
  if (wrong) {
    console.error(`error: ${wrong.message}`);
    return 2;
  }
  const store = openStore(values.db, 'existing');
  try {
    if (action === 'add') {
      const url = checked[0] as string;
      await store.addAlertTarget({ url, format: values.text ? 'text' : 'json', linkBase: (checked[1] as string | undefined) ?? null }, new Date().toISOString());
      const followed = (await store.followedStories()).length;
      console.log(`alerts go to ${url}: the developments of followed stories (${followed} followed now) arriving from now on, after each ingest, fetch or server job`);
      return 0;
    }
    if (action === 'remove') {
      let missing = 0;
      for (const url of urls) {
        if (await store.removeAlertTarget(url)) console.log(`no more alerts to ${url}`);
        else {
          console.error(`error: no alerts go to ${url}`);
          missing++;
        }
      }
      return missing > 0 ? 1 : 0;
    }
    const targets = await store.alertTargets();
    if (targets.length === 0) {
      console.log('No alerts are sent: storyline alerts add <webhook URL> (then storyline follow <story id>).');
      return action === 'list' ? 0 : 1;
    }
    if (action === 'list') {
      for (const target of targets) console.log(targetLine(target));
      return 0;
    }
    if (action === 'test') {
      let failed = 0;
      for (const target of targets) {
        try {
          await sendTestAlert(target, postWebhook);
          console.log(`${target.url}: test message sent`);
        } catch (error) {
          console.error(`error: ${target.url}: ${error instanceof Error ? error.message : String(error)}`);
          failed++;
        }
      }
      return failed > 0 ? 1 : 0;
    }
    const sent = await sendAlerts(store, postWebhook);
    console.log(alertsLine(sent) ?? 'alerts: nothing new to send');
    for (const failure of sent.failures) console.error(`error: alerts to ${failure.url}: ${failure.error} (sent again next time)`);
    return sent.failures.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** After a run that may have stored articles: sends what is due to the alert targets, and says how it went. */
export async function sendDueAlerts(store: Store): Promise<void> {
  const sent = await sendAlerts(store, postWebhook);
  const line = alertsLine(sent);
  if (line) console.log(line);
  for (const failure of sent.failures) console.error(`error: alerts to ${failure.url}: ${failure.error} (sent again next time)`);
}

/** "alerts: 3 sent" after a run, or null when nothing was due. */
export function alertsLine(sent: { due: number; messages: number; failures: unknown[] }): string | null {
  if (sent.due === 0) return null;
  const parts = [`${sent.messages} sent`];
  if (sent.failures.length > 0) parts.push(`${sent.failures.length} ${sent.failures.length === 1 ? 'target' : 'targets'} failed`);
  return `alerts: ${parts.join(', ')}`;
}
