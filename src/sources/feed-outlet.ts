/**
 * @module The outlet a feed speaks for, from its title: feeds are often titled by section as well
 * ("The Harbour Times - Brennmouth news", "World news | The Guardian", "Reuters: Top News"), and the
 * section is not the outlet. The part of the title that names the site's address is the outlet; a
 * title none of whose parts does is kept whole, since there is then no telling which part is which.
 */

const SEPARATOR = /\s+(?:[-–—|·»>]|::)\s+|:\s+/;

/** Labels of a host that can name the site: "www.harbourtimes.co.uk" -> ["harbourtimes"]. */
function hostLabels(url: string | null | undefined): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  const labels = host.split('.');
  // The last label is the top-level domain; a short second-to-last one is a second level ("co.uk").
  labels.pop();
  if (labels.length > 1 && labels[labels.length - 1]!.length <= 3) labels.pop();
  return labels.filter((label) => label.length >= 3 && !/^(?:www\d?|feeds?|rss|news|api|cdn|static|m)$/.test(label));
}

const squash = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * How well this part of the title names the site at `labels`: 2 by its letters ("The Harbour Times"
 * for harbourtimes, "Guardian" for theguardian), 1 by its initials ("New York Times" for nyt...), 0 not.
 */
function siteScore(part: string, labels: string[]): number {
  const words = part.split(/\s+/).filter((w) => !/^the$/i.test(w));
  const letters = squash(words.join(''));
  if (letters.length < 2) return 0;
  if (labels.some((label) => (label.length >= 3 && letters.includes(label)) || (letters.length >= 3 && label.includes(letters)))) return 2;
  const initials = squash(words.map((w) => w[0] ?? '').join(''));
  return words.length > 1 && initials.length >= 2 && labels.some((label) => label.startsWith(initials)) ? 1 : 0;
}

/**
 * The outlet's name in a feed's title, given the address of the feed's site (its home page, or an
 * item's link when the feed gives none).
 */
export function outletOfFeedTitle(title: string | null, siteUrl: string | null | undefined): string | null {
  if (!title) return null;
  const parts = title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  const labels = hostLabels(siteUrl);
  if (labels.length === 0) return title;
  let best: string | null = null;
  let bestScore = 0;
  for (const part of parts) {
    const score = siteScore(part, labels);
    if (score > bestScore) [best, bestScore] = [part, score];
  }
  return best ?? title;
}
