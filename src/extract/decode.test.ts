import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeBytes, repairMojibake } from './decode.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

test('a Windows-1252 page declared in http-equiv decodes accents, dashes, euro and quotes', () => {
  const { text, encoding } = decodeBytes(fixture('cp1252-page.html'), { isHtml: true });
  assert.equal(encoding, 'windows-1252');
  assert.match(text, /Café owners/);
  assert.match(text, /rules – which cap/);
  assert.match(text, /€2,000/);
  assert.match(text, /“We are not asking for favours,” said Renée Dufrêne/);
  assert.match(text, /mayor’s office/);
});

test('an undeclared Windows-1252 page is detected rather than decoded as broken UTF-8', () => {
  const bytes = Buffer.from(fixture('cp1252-page.html').toString('latin1').replace(/<meta[^>]+>/, ''), 'latin1');
  const { text } = decodeBytes(bytes, { isHtml: true });
  assert.match(text, /Renée Dufrêne/);
  assert.doesNotMatch(text, /\ufffd/);
});

test('the HTTP charset wins over the document, and ISO-8859-1 is read as Windows-1252', () => {
  const bytes = Buffer.from([...Buffer.from('<meta charset="utf-8"><p>'), 0x93, 0x4f, 0x4b, 0x94, 0x20, 0x80, 0x35]);
  assert.equal(decodeBytes(bytes, { contentType: 'text/html; charset=ISO-8859-1' }).text, '<meta charset="utf-8"><p>“OK” €5');
});

test('a UTF-8 byte order mark and valid UTF-8 are read as UTF-8', () => {
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich – Genève')]);
  assert.deepEqual(decodeBytes(bom), { text: 'Zürich – Genève', encoding: 'utf-8' });
  assert.equal(decodeBytes(Buffer.from('Kraków')).text, 'Kraków');
});

test('a page labelled UTF-8 whose bytes are Windows-1252 still reads correctly', () => {
  const bytes = Buffer.from('<meta charset="utf-8"><p>Le caf\xe9 est ferm\xe9 depuis l\x92\xe9t\xe9 dernier, selon la mairie du quartier.</p>', 'latin1');
  assert.match(decodeBytes(bytes, { isHtml: true }).text, /café est fermé depuis l’été/);
});

test('UTF-8 text read as Windows-1252 (mojibake) is repaired', () => {
  const text = decodeBytes(fixture('mojibake.txt')).text;
  assert.match(text, /The mayor’s office said the café terrace rules would be reviewed – perhaps/);
  assert.match(text, /Renée Dufrêne called it “a small victory”\./);
});

test('genuine Latin-1 letters are left alone by the mojibake repair', () => {
  assert.equal(repairMojibake('SÃO PAULO À bientôt, Ã la carte'), 'SÃO PAULO À bientôt, Ã la carte');
  assert.equal(repairMojibake('FranÃ§ais'), 'Français');
});

test('UTF-8 read as Latin-1 (C1 controls in place of Windows-1252 punctuation) is repaired too', () => {
  const doubled = Buffer.from(Buffer.from('in debt—nearly all, it’s “true”', 'utf8').toString('latin1'), 'utf8');
  assert.equal(decodeBytes(doubled, { isHtml: true }).text, 'in debt—nearly all, it’s “true”');
});
