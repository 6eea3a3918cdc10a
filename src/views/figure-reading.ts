/**
 * @module A figure's value as the wording allows it, for people to read beside the figure as
 * written: "31 countries", "≈30 leaders", "≥2,400 claims", "≤110 km", "3,000–9,000 troops".
 */
import type { Figure } from '../model/index.js';

const number = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** One key per reading: "€2 billion" and "2 billion euros" share it, "about 30" and "30" do not. */
export const readingKey = (figure: Pick<Figure, 'precision' | 'low' | 'high'>): string => `${figure.precision}\u0000${figure.low}\u0000${figure.high}`;

export function figureReading(figure: Pick<Figure, 'value' | 'unit' | 'precision' | 'low' | 'high'>): string {
  const { value, unit, precision, low, high } = figure;
  switch (precision) {
    case 'approximate':
      return `≈${number(value)} ${unit}`;
    case 'at-least':
      return `≥${number(low)} ${unit}`;
    case 'at-most':
      return `≤${number(high ?? value)} ${unit}`;
    case 'vague':
      return high === null ? `≥${number(low)} ${unit}` : `${number(low)}–${number(high)} ${unit}`;
    default:
      return `${number(value)} ${unit}`;
  }
}
