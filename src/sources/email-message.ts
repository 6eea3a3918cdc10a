/**
 * @module E-mail messages (.eml, as a mail client saves one): a newsletter, a press release sent to
 * the newsroom, a statement forwarded by a colleague. postal-mime reads the message (headers,
 * MIME parts, transfer encodings, character sets, within its limits on nesting, parts and header
 * size); the article is its HTML part, else its text, under the subject as headline, the sender's
 * name as outlet and the sending time as publish date. Its Message-ID is its identity, so a message
 * saved twice is stored once.
 */
import PostalMime, { type Address } from 'postal-mime';
import type { DocumentHints, RawDocument } from '../model/index.js';
import { InputError } from './source-item.js';

/** What a mail client puts before a forwarded or answered message's subject. */
const SUBJECT_PREFIX = /^(?:\s*(?:fwd?|fw|wg|tr|rv|re|aw|sv|vs)\s*:\s*)+/i;

/** The message as a document: its HTML (or text) body, with its subject, sender and date as hints. */
export async function readEmail(path: string, bytes: Uint8Array): Promise<RawDocument> {
  let email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: 64 });
  } catch (error) {
    throw new InputError(`not a readable e-mail (${(error as Error).message})`);
  }
  const id = email.messageId?.replace(/^<|>$/g, '').trim();
  const identity: DocumentHints = id ? { externalId: `email:${id}` } : {};
  // A message forwarded by a colleague is the forwarded one: its sender, its date, its text.
  const forwarded = email.text ? forwardedIn(email.text) : null;
  if (forwarded) return { path, index: 0, format: 'text', content: forwarded.text, hints: { ...forwarded.hints, ...identity } };
  const body = email.html?.trim() ? { format: 'html' as const, content: email.html } : email.text?.trim() ? { format: 'text' as const, content: email.text } : null;
  if (body === null) throw new InputError('an e-mail without text');
  const hints: DocumentHints = { ...identity };
  const subject = email.subject?.replace(SUBJECT_PREFIX, '').trim();
  if (subject) hints.title = subject;
  const sender = senderOf(email.from);
  if (sender) hints.source = sender;
  if (email.date && !Number.isNaN(Date.parse(email.date))) hints.published = email.date;
  return { path, index: 0, ...body, hints };
}

/** The line that opens a forwarded message: Gmail's, Apple Mail's, Outlook's ("-----Original Message-----"). */
const FORWARD_MARK = /^[ \t]*(?:-{2,}[ \t]*Forwarded message[ \t]*-{2,}|Begin forwarded message:|-{2,}[ \t]*Original Message[ \t]*-{2,})[ \t]*$/im;
/** A header line of the forwarded message ("From: Press Office <press@...>"). */
const FORWARD_HEADER = /^[ \t]*(From|Date|Sent|Subject|To|Cc)[ \t]*:[ \t]*(.*)$/i;

/** The forwarded message in a text body: its headers as hints and the text under them, or null. */
function forwardedIn(text: string): { text: string; hints: DocumentHints } | null {
  const mark = FORWARD_MARK.exec(text);
  if (!mark) return null;
  const lines = text.slice(mark.index + mark[0].length).split(/\r?\n/);
  let at = 0;
  while (at < lines.length && !lines[at]!.trim()) at++;
  const headers = new Map<string, string>();
  for (let field; at < lines.length && (field = FORWARD_HEADER.exec(lines[at]!)); at++) headers.set(field[1]!.toLowerCase(), field[2]!.trim());
  if (!headers.has('from') || !headers.has('subject')) return null;
  const hints: DocumentHints = {};
  const subject = headers.get('subject')!.replace(SUBJECT_PREFIX, '').trim();
  if (subject) hints.title = subject;
  const from = /^"?([^"<]*?)"?\s*<([^>]+)>/.exec(headers.get('from')!);
  const sender = senderOf(from ? { name: from[1] ?? '', address: from[2]! } : { name: '', address: headers.get('from')! });
  if (sender) hints.source = sender;
  // "Fri, 15 May 2026 at 10:20" (Gmail), "Friday, May 15, 2026 10:20 AM" (Outlook).
  const date = (headers.get('date') ?? headers.get('sent'))?.replace(/\s+at\s+/, ' ');
  if (date && !Number.isNaN(Date.parse(date))) hints.published = date;
  const body = lines.slice(at).join('\n').trim();
  return body ? { text: body, hints } : null;
}

/**
 * The outlet a sender names: "The Harbour Times <news@harbourtimes.example>" is The Harbour Times,
 * "Marta Lindqvist from Port Letter <...>" is Port Letter; without a name, the address's domain.
 */
function senderOf(from: Address | undefined): string | null {
  if (!from) return null;
  const name = from.name?.trim().replace(/^["']|["']$/g, '');
  if (name && !ROLE.test(name)) return / from (.+)$/.exec(name)?.[1]?.trim() ?? name;
  // A role ("Press Office", "Newsroom") names no one: the sender's domain does, less its mail host.
  const address = 'address' in from ? from.address : undefined;
  return address?.split('@')[1]?.toLowerCase().replace(MAIL_HOST, '') ?? null;
}

/** A sender's name that is a desk or a role, not an outlet or a person. */
const ROLE = /^(?:the )?(?:press(?: office| team| desk| service)?|media(?: relations| office| team| desk)?|communications?(?: team| office| department)?|news(?: desk| team)?|newsroom|newsletters?|info(?:rmation)?|no-?reply|editors?|editorial(?: team)?|public relations|pr(?: team)?)$/i;
/** The subdomain a sender's mail goes out from ("mail.harbourtimes.example"). */
const MAIL_HOST = /^(?:mail|email|e|news|newsletters?|lists?|mailer|bounce|send|smtp)\d*\./;
