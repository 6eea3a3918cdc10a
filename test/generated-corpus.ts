/**
 * @module Invented articles in bulk for tests that need many inputs: each a few short paragraphs
 * about a numbered harbour, deterministic from its index.
 */
const PLACES = ['Saltmere', 'Marrow Bay', 'Kettleford', 'Osterholm', 'Brindle Point', 'Vashkar', 'Lowen Quay'];
const VERBS = ['reopened', 'closed', 'inspected', 'dredged', 'flooded', 'expanded', 'sold'];

export function generatedArticle(index: number): { id: string; title: string; text: string; source: string; published: string } {
  const place = PLACES[index % PLACES.length] ?? 'Saltmere';
  const verb = VERBS[Math.floor(index / PLACES.length) % VERBS.length] ?? 'reopened';
  const day = String(1 + (index % 28)).padStart(2, '0');
  return {
    id: `gen-${index}`,
    title: `${place} harbour ${verb} (report ${index})`,
    text:
      `Officials in ${place} said on Monday that harbour berth ${index} had been ${verb} after a review of its quay walls.\n\n` +
      `"We checked every mooring twice," said harbour master number ${index}, adding that ${index % 50} vessels were affected.\n\n` +
      `The council expects a decision on the next phase within ${2 + (index % 9)} weeks.`,
    source: `Outlet ${index % 11}`,
    published: `2026-04-${day}`,
  };
}

export function generatedJsonl(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `${JSON.stringify(generatedArticle(i))}\n`;
  return out;
}
