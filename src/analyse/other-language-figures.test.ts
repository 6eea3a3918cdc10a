import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOtherLanguageFigures } from './other-language-figures.js';
import { findFigures } from './figures.js';

const read = (text: string, language: string): string[] =>
  findOtherLanguageFigures(text, language).map((f) => `${text.slice(f.start, f.end)} = ${f.value} ${f.unit} ${f.precision}`);

describe('figures in other languages', () => {
  it('reads percentages, amounts with their scale and basis points as each language writes them', () => {
    assert.deepEqual(read('Die Gewerkschaft verlangt 7,5 Prozent, Kosten von bis zu 40 Millionen Euro und 1,2 Mrd. Euro; die Bank senkte um 50 Basispunkte.', 'de'), [
      '7,5 Prozent = 7.5 percent exact',
      'bis zu 40 Millionen Euro = 40000000 EUR at-most',
      '1,2 Mrd. Euro = 1200000000 EUR exact',
      '50 Basispunkte = 50 basis points exact',
    ]);
    assert.deepEqual(read("Une aide de 40 millions d'euros pour environ 3 000 habitants, plus de 12 % des foyers, et 4 200 € par famille.", 'fr'), [
      "40 millions d'euros = 40000000 EUR exact",
      'plus de 12 % = 12 percent at-least',
      '4 200 € = 4200 EUR exact',
    ]);
    assert.deepEqual(read('El banco bajó 50 puntos básicos, la corona cayó un 0,6 % y el plan cuesta 1.200 millones de euros.', 'es'), [
      '50 puntos básicos = 50 basis points exact',
      '0,6 % = 0.6 percent exact',
      '1.200 millones de euros = 1200000000 EUR exact',
    ]);
  });

  it('gives the same figure as the English report of it, so outlets in two languages agree', () => {
    const [de] = findOtherLanguageFigures('Die Gewerkschaft fordert rund 7,5 Prozent mehr Lohn.', 'de');
    const [en] = findFigures('The union is seeking about 7.5% more pay.', []);
    assert.deepEqual([de!.value, de!.unit, de!.precision, de!.low, de!.high], [en!.value, en!.unit, en!.precision, en!.low, en!.high]);
  });

  it('leaves out years, dates and counts of things, and languages it has no words for', () => {
    assert.deepEqual(read('Im Jahr 2025 streikten 4200 Hafenarbeiter am 6. März.', 'de'), []);
    assert.deepEqual(read('Инфляция составила 2,1 %.', 'ru'), []);
  });
});
