import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyseArticle, createAnalysisContext } from './analyse-article.js';
import type { AnalysisContext } from './analyse-article.js';
import type { Analysis } from '../model/analysis.js';

let context: AnalysisContext;
before(() => {
  context = createAnalysisContext({ entityTagger: false });
});

const analyse = (text: string, language: string): Analysis => analyseArticle({ text, published: '2026-05-07T10:00:00+02:00', language }, context);
const said = (a: Analysis): string[] => a.quotes.map((q) => `${q.speaker}: ${q.text}`);

describe('who said what in other languages', () => {
  it('reads French quotes attributed after them, before them, and by "selon", and a pronoun as the person quoted last', () => {
    const text = [
      "Les dockers de Valmora cesseront le travail lundi, a annoncé mercredi le syndicat.",
      "« Nous avons attendu quatre mois et personne ne nous a écoutés », a déclaré devant la presse la dirigeante du syndicat, Ilse Marrow.",
      "« Dès lundi, plus rien ne bougera la nuit », a-t-elle ajouté.",
      "Le porte-parole de l'autorité portuaire, Tomas Brell, a répondu : « Nous restons ouverts au dialogue, mais pas à n'importe quel prix. »",
      "Selon Adela Quint, ministre des Transports, « un médiateur pourra être nommé dès la semaine prochaine ».",
    ].join('\n\n');
    const a = analyse(text, 'fr');
    assert.deepEqual(said(a), [
      'Ilse Marrow: Nous avons attendu quatre mois et personne ne nous a écoutés',
      'Ilse Marrow: Dès lundi, plus rien ne bougera la nuit',
      "Tomas Brell: Nous restons ouverts au dialogue, mais pas à n'importe quel prix.",
      'Adela Quint: un médiateur pourra être nommé dès la semaine prochaine',
    ]);
    const q = a.quotes[0]!;
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.equal(text.slice(q.speakerStart!, q.speakerEnd!), 'Ilse Marrow');
  });

  it('reads German quotes, leaves a title before the name out, and takes a surname alone for the person named before', () => {
    const text = [
      'Gewerkschaftschefin Ilse Marrow sagte vor Journalisten, die Gespräche seien gescheitert.',
      '„Vier Monate lang haben wir gewartet, vier Monate lang hat uns niemand zugehört“, sagte Marrow am Mittwoch.',
      'Verkehrsministerin Adela Quint erklärte: „Wir werden notfalls einen Schlichter einsetzen.“',
      '„Das ist nicht verhandelbar“, so Quint.',
    ].join('\n\n');
    const a = analyse(text, 'de');
    assert.deepEqual(said(a), [
      'Ilse Marrow: die Gespräche seien gescheitert',
      'Ilse Marrow: Vier Monate lang haben wir gewartet, vier Monate lang hat uns niemand zugehört',
      'Adela Quint: Wir werden notfalls einen Schlichter einsetzen.',
      'Adela Quint: Das ist nicht verhandelbar',
    ]);
    assert.deepEqual([...new Set(a.entities.filter((e) => e.type === 'person').map((e) => `${e.text} = ${e.name}`))], ['Ilse Marrow = Ilse Marrow', 'Marrow = Ilse Marrow', 'Adela Quint = Adela Quint', 'Quint = Adela Quint']);
  });

  it('reads Spanish, Italian and Dutch quotes with their verbs of saying', () => {
    assert.deepEqual(said(analyse('«La inflación está cerca del objetivo», afirmó la gobernadora Ingrid Halloran en Saltvik.', 'es')), ['Ingrid Halloran: La inflación está cerca del objetivo']);
    assert.deepEqual(said(analyse('«Non lasceremo il porto chiuso a lungo», ha detto il ministro Tomas Varga.', 'it')), ['Tomas Varga: Non lasceremo il porto chiuso a lungo']);
    assert.deepEqual(said(analyse('"We blijven staken tot er een akkoord is", zei vakbondsleider Marek Olsen.', 'nl')), ['Marek Olsen: We blijven staken tot er een akkoord is']);
  });

  it('reads reported speech after a verb of saying and "that", and after "according to" a person or a pronoun', () => {
    const fr = analyse(
      [
        "Le porte-parole Tomas Brell a indiqué mercredi que l'autorité restait ouverte au dialogue.",
        "« Nous ne paierons pas cette prime cette année », a déclaré Ilse Marrow. Selon elle, aucun navire ne sera chargé la nuit dès lundi.",
      ].join('\n\n'),
      'fr',
    );
    assert.deepEqual(
      fr.quotes.map((q) => `${q.direct ? 'direct' : 'reported'} ${q.speaker}: ${q.text}`),
      [
        "reported Tomas Brell: l'autorité restait ouverte au dialogue",
        'direct Ilse Marrow: Nous ne paierons pas cette prime cette année',
        'reported Ilse Marrow: aucun navire ne sera chargé la nuit dès lundi',
      ],
    );
    // A phrase quoted inside reported speech stays in its clause, as in English.
    const es = analyse('La gobernadora Ingrid Halloran añadió que habrá más recortes si los datos lo justifican, pero «no en piloto automático».', 'es');
    assert.deepEqual(said(es), ['Ingrid Halloran: habrá más recortes si los datos lo justifican, pero «no en piloto automático»']);
    assert.equal(es.quotes[0]!.direct, false);
    // Alone, a phrase a person is said to have used is theirs, however short, read with what the verb says of it.
    const de = analyse('Die Chefin von Halvard, Claudia Weiss, nannte den Ausstand „unverhältnismäßig“ und lud zu Gesprächen ein.', 'de');
    assert.deepEqual(said(de), ['Claudia Weiss: den Ausstand „unverhältnismäßig“']);
    assert.equal(de.quotes[0]!.direct, false);
  });

  it('reads reported speech in Italian, Portuguese and Dutch after their "that"', () => {
    assert.deepEqual(said(analyse('Il ministro Tomas Varga ha detto che il porto riaprirà entro lunedì.', 'it')), ['Tomas Varga: il porto riaprirà entro lunedì']);
    assert.deepEqual(said(analyse('A governadora Ingrid Halloran disse que a inflação está perto da meta.', 'pt')), ['Ingrid Halloran: a inflação está perto da meta']);
    assert.deepEqual(said(analyse('Vakbondsleider Marek Olsen zei dat de staking doorgaat tot er een akkoord is.', 'nl')), ['Marek Olsen: de staking doorgaat tot er een akkoord is']);
  });

  it('leaves out words in quotation marks that no one is said to have said, and names that are bodies', () => {
    const text = [
      "Paris et Londres travaillent à une « coalition des volontaires », a expliqué Ilse Marrow.",
      "« Le port ne rouvrira pas avant la fin du mois » : la rumeur circulait mercredi sur les quais.",
      "La Valmora Port Authority a refusé de commenter.",
    ].join('\n\n');
    const a = analyse(text, 'fr');
    assert.deepEqual(a.quotes, []);
    assert.ok(!a.entities.some((e) => /Authority/.test(e.name)), a.entities.map((e) => e.name).join(', '));
  });

  it('names places: country names as their English names, and cities the gazetteer knows, in German only after "in", "aus", "nach"', () => {
    const places = (text: string, language: string): string[] =>
      analyse(text, language).entities.filter((e) => e.type === 'place').map((e) => `${e.text} = ${e.name}`);
    assert.deepEqual(places("La Russie et les États-Unis discutent à Paris ; Kiev salue l'accord, selon le Royaume-Uni.", 'fr'), [
      'Russie = Russia',
      'États-Unis = United States',
      'Paris = Paris',
      'Kiev = Kyiv',
      'Royaume-Uni = United Kingdom',
    ]);
    assert.deepEqual(places('Russland und die Ukraine verhandeln. Beim Essen in Essen sprach Olaf Scholz.', 'de'), ['Russland = Russia', 'Ukraine = Ukraine', 'Essen = Essen']);
    assert.equal(places('Beim Essen sprach Olaf Scholz.', 'de').length, 0);
    assert.deepEqual(places('Rusia y Estados Unidos negocian mientras Madrid observa.', 'es'), ['Rusia = Russia', 'Estados Unidos = United States', 'Madrid = Madrid']);
  });

  it('reads a megabyte of stray quotation marks, or of quotes on one line, without finding what is not there', () => {
    assert.deepEqual(analyse('« „ '.repeat(250_000), 'fr').quotes, []);
    const line = '« Nous restons ouverts au dialogue », a répondu Tomas Brell ; '.repeat(10_000);
    const a = analyse(line, 'fr');
    assert.ok(a.quotes.every((q) => q.speaker === 'Tomas Brell' && q.text.includes('Nous restons ouverts')));
  });

  it('reads nothing in a language it has no cues for, and English as before', () => {
    assert.deepEqual(analyse('«Мы будем ждать», сказал Иван Петров.', 'ru'), { quotes: [], entities: [], figures: [], dates: [] });
    const english = analyse('"We have waited four months," union leader Ilse Marrow said on Wednesday.', 'en');
    assert.deepEqual(said(english), ['Ilse Marrow: We have waited four months,']);
  });
});
