import { describe, expect, it } from "vitest";
import { checkFacts, checkPart, releaseEvidence } from "../../src/core/briefing/fact-guard.js";
import type { Lang } from "../../src/core/domain/language.js";
import type { ReleaseText } from "../../src/core/domain/release.js";
import type { BilingualLexicon, LexiconEquivalent, LexiconPos } from "../../src/core/ports/bilingual-lexicon.port.js";
import { fold } from "../../src/core/text/fold.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

/** An in-memory lexicon with the few entries these tests need (the real one comes from Apertium). */
function fakeLexicon(entries: [string, LexiconPos, string, LexiconPos][]): BilingualLexicon {
  const table: Record<Lang, Map<string, LexiconEquivalent[]>> = { en: new Map(), fr: new Map() };
  const add = (lang: Lang, key: string, e: LexiconEquivalent) => {
    table[lang].set(fold(key), [...(table[lang].get(fold(key)) ?? []), e]);
  };
  for (const [en, enPos, fr, frPos] of entries) {
    add("en", en, { lemma: fr, pos: frPos });
    add("fr", fr, { lemma: en, pos: enPos });
  }
  const lemmas = (form: string, lang: Lang) => {
    const f = fold(form);
    return [f, f.replace(/s$/u, ""), f.replace(/e?s$/u, "")].filter(
      (c, i, all) => table[lang].has(c) && all.indexOf(c) === i,
    );
  };
  return {
    available: () => true,
    lemmas,
    equivalents: (word, from, to) =>
      from === to ? [] : (table[from].get(fold(word)) ?? lemmas(word, from).flatMap((l) => table[from].get(l) ?? [])),
  };
}

const lexicon = fakeLexicon([
  ["congress", "n", "congrès", "n"],
  ["America", "np", "Amérique", "np"],
  ["Armenia", "np", "Arménie", "np"],
  ["republic", "n", "république", "n"],
  ["defence", "n", "défense", "n"],
  ["minister", "n", "ministre", "n"],
  ["summit", "n", "sommet", "n"],
  ["vehicle", "n", "véhicule", "n"],
  ["armoured", "adj", "blindé", "adj"],
  ["year", "n", "an", "n"],
  ["Italian", "adj", "italien", "adj"],
  ["Lithuanian", "adj", "lituanien", "adj"],
  ["exercise", "n", "exercice", "n"],
  ["Finnish", "adj", "finlandais", "adj"],
]);
const tools = createTrustTools(loadGlossary(), lexicon);

const en = (title: string, ...paragraphs: string[]): ReleaseText => ({ lang: "en", title, paragraphs, official: true });

const release = {
  texts: {
    en: en(
      "NSPA signs €4.2 billion contract for 155mm ammunition",
      "The NATO Support and Procurement Agency (NSPA) signed a contract worth €4.2 billion on Thursday (12 February 2026) for eleven Allies. The North Atlantic Council met at 13:00. Deliveries of two armoured vehicles take three years.",
      "NATO Secretary General Mark Rutte met the Minister of Defence of the Republic of Armenia, Suren Papikyan, in Evenes, Norway. Russia's exercise near the High North was discussed with Italy and Finland.",
    ),
  },
};

/** Findings of one sentence written in `lang`, checked against `release` (English only). */
function found(sentence: string, lang: Lang, r: { texts: Partial<Record<Lang, ReleaseText>> } = release) {
  const units = checkPart({ headline: sentence, summary: "", keyPoints: [] }, lang, releaseEvidence(r, tools));
  return units.flatMap((u) => u.findings.map((f) => `${f.kind}:${f.value}`));
}

describe("fact guard: figures", () => {
  it("accepts figures by value across languages, currency spellings, magnitudes, units and number words", () => {
    for (const s of [
      "NSPA awards €4.2bn contract for 155 mm shells.",
      "A EUR 4.2 billion contract went to 11 Allies.",
      "It is worth 4.2 billion euros for 155-millimetre ammunition.",
    ])
      expect(found(s, "en")).toEqual([]);
    expect(
      found("Un contrat de 4,2 milliards d'euros pour des munitions de 155 millimètres et onze Alliés.", "fr"),
    ).toEqual([]);
  });
  it("catches a changed figure, a changed magnitude, another currency and a number word not in the release", () => {
    expect(found("A €4.5 billion contract.", "en")).toEqual(["number:€4.5 billion"]);
    expect(found("A €4.2 million contract.", "en")).toEqual(["number:€4.2 million"]);
    expect(found("A $4.2 billion contract.", "en")).toEqual(["number:$4.2 billion"]);
    expect(found("Le contrat concerne douze Alliés.", "fr")).toEqual(["number:douze"]);
  });
  it("catches a figure moved onto something the release counts with another figure", () => {
    expect(found("Three armoured vehicles will be delivered.", "en")).toEqual(["number:Three"]);
    expect(found("Two armoured vehicles will be delivered over three years.", "en")).toEqual([]);
  });
});

describe("fact guard: dates and times", () => {
  it("accepts dates, weekdays and times written either way, in either language", () => {
    expect(found("On Thursday, 12 February 2026, at 1 pm, the NAC met.", "en")).toEqual([]);
    expect(found("Le jeudi 12 février 2026 à 13 h, le Conseil s'est réuni.", "fr")).toEqual([]);
  });
  it("reads « à 11 heures » as a time, and ranks as titles, not names", () => {
    const r = {
      texts: {
        fr: {
          lang: "fr" as const,
          title: "T",
          paragraphs: ["Le général Charles Costanza a pris le commandement à 11 heures."],
          official: true,
        },
      },
    };
    expect(found("Lt Gen Charles Costanza took command at 11:00.", "en", r)).toEqual([]);
    expect(found("Lieutenant General Charles Costanza took command at 11:30.", "en", r)).toEqual(["time:11:30"]);
  });
  it("checks the words after a date range as words ('… 24 April 2026 in Tartu')", () => {
    const r = { texts: { en: en("T", "Locked Shields ran in Tallinn from 21 to 24 April 2026.") } };
    expect(found("It ran from 21 to 24 April 2026 in Tallinn.", "en", r)).toEqual([]);
    expect(found("It ran from 21 to 24 April 2026 in Tartu.", "en", r)).toEqual(["name:Tartu"]);
  });
  it("catches another day, month, year, weekday or time", () => {
    expect(found("It was signed on 13 February 2026.", "en")).toEqual(["date:13 February 2026"]);
    expect(found("It was signed in March 2026.", "en")).toEqual(["date:March 2026"]);
    expect(found("It was signed on Friday.", "en")).toEqual(["date:Friday"]);
    expect(found("Le Conseil s'est réuni à 14 h 30.", "fr")).toEqual(["time:14 h 30"]);
  });
});

describe("fact guard: names", () => {
  it("accepts acronyms, possessives, inflections and translated names", () => {
    expect(found("Russia's exercise was discussed by the NAC and the NSPA.", "en")).toEqual([]);
    expect(
      found(
        "Le secrétaire général de l'OTAN a rencontré le ministre de la Défense de la République d'Arménie à Evenes.",
        "fr",
      ),
    ).toEqual([]);
    expect(found("L'exercice russe près du Grand Nord a été évoqué avec l'Italie.", "fr")).toEqual([]);
    expect(found("Le ministre italien et des experts finlandais étaient là.", "fr")).toEqual([]);
  });
  it("accepts an acronym the text itself spells out, and transliterated names", () => {
    const r = {
      texts: {
        en: en("T", "President Petro Poroshenko met Sergey Lavrov about the Comprehensive Assistance Package."),
      },
    };
    expect(found("Le président Petro Porochenko a rencontré Sergueï Lavrov.", "fr", r)).toEqual([]);
    expect(
      found("He met Poroshenko about the Comprehensive Assistance Package (CAP); the CAP was praised.", "en", r),
    ).toEqual([]);
  });
  it("catches an invented person, place, organisation, summit or equipment, and background knowledge", () => {
    expect(found("Mark Rutte met Pierre Vandier.", "en")).toEqual(["name:Pierre Vandier"]);
    expect(found("They met in Tromsø.", "en")).toEqual(["name:Tromsø"]);
    expect(found("The contract went to Rheinmetall and the NCIA.", "en")).toEqual(["name:Rheinmetall", "name:NCIA"]);
    expect(found("It was decided at the Vilnius Summit.", "en")).toEqual(["name:Vilnius"]);
    expect(found("F-35B jets were there.", "en")).toEqual(["name:F-35B"]);
    expect(found("Le ministre arménien, ancien diplomate lituanien, était présent.", "fr")).toEqual(["name:lituanien"]);
    expect(found("Armenia's Prime Minister Nikol Pashinyan was there.", "en")).toEqual(["name:Nikol Pashinyan"]);
  });
});

describe("checkFacts", () => {
  it("reports every finding of both languages with the unit that carries it", () => {
    const check = checkFacts(
      {
        en: {
          headline: "NSPA signs contract",
          summary: "Signed with Rheinmetall.",
          keyPoints: ["Worth €4.2 billion."],
        },
        fr: { headline: "La NSPA signe", summary: "Un contrat de 9 milliards d'euros.", keyPoints: [] },
      },
      release,
      { tools },
    );
    expect(check.ok).toBe(false);
    expect(check.findings).toEqual([
      { lang: "en", kind: "name", value: "Rheinmetall", where: "Signed with Rheinmetall." },
      { lang: "fr", kind: "number", value: "9 milliards d'euros", where: "Un contrat de 9 milliards d'euros." },
    ]);
  });
  it("works without a lexicon or glossary, on the release's own words", () => {
    const check = checkFacts({ fr: { headline: "Evenes", summary: "Mark Rutte à Evenes.", keyPoints: [] } }, release);
    expect(check.findings).toEqual([]);
  });
});
