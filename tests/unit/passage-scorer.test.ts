import { describe, expect, it } from "vitest";
import type { IndexQuery } from "../../src/core/qa/search-index.port.js";
import { createMiniSearch, FUZZY } from "../../src/infra/qa/index-side.js";
import {
  editDistance,
  PassageAnalyses,
  type ScoredDocument,
  scorePassages,
} from "../../src/infra/qa/passage-scorer.js";
import { fieldName, planQuery } from "../../src/infra/qa/query-plan.js";
import { seededRandom } from "../helpers/seeded-random.js";

// The passage scorer must rank exactly as MiniSearch does over an index of the same passages: same ids, same order,
// same scores, same matched terms. Each case builds both and compares.

const WEIGHTS = { title: 0.5, brief: 0.9, body: 1 };

const EN = [
  "Allies agreed to deploy 300 troops to the eastern flank by March 2026.",
  "The NATO Support and Procurement Agency signed contracts worth 1.2 billion euros for ammunition.",
  "Defence ministers met in Brussels to discuss readiness and the Stoltenberg plan.",
  "The exercise involved fighter jets, maritime patrol aircraft and 14 warships.",
  "Secretary General Mark Rutte welcomed Sweden's accession to the Alliance.",
  "",
  "A400M transport aircraft and F-35 fighters flew over the Baltic Sea.",
  "Ammunition production contracts were agreed with industry partners.",
];
const FR = [
  "Les Alliés ont convenu de déployer 300 militaires sur le flanc est d'ici mars 2026.",
  "L'Agence OTAN de soutien et d'acquisition a signé des contrats d'une valeur de 1,2 milliard d'euros.",
  "Les ministres de la Défense se sont réunis à Bruxelles pour parler de la préparation opérationnelle.",
  "L'exercice a mobilisé des avions de chasse, des avions de patrouille maritime et 14 navires de guerre.",
  "Le secrétaire général, Mark Rutte, a salué l'adhésion de la Suède à l'Alliance.",
  "Des avions de transport A400M et des chasseurs F-35 ont survolé la mer Baltique.",
  "Les contrats de production de munitions ont été conclus avec l'industrie.",
];
const TITLES = [
  { en: "Allies agree new force posture", fr: "Les Alliés conviennent d'un nouveau dispositif de forces" },
  { en: "NSPA signs ammunition contracts", fr: "La NSPA signe des contrats de munitions" },
  { en: "", fr: "" },
];

function documents(seed: number): ScoredDocument[] {
  const rng = seededRandom(seed);
  const out: ScoredDocument[] = [];
  const n = 4 + Math.floor(rng() * 20);
  for (let i = 0; i < n; i++) {
    const lang = rng() < 0.5 ? "en" : "fr";
    const pool = lang === "en" ? EN : FR;
    const title = TITLES[Math.floor(rng() * TITLES.length)]![lang];
    const kind = rng() < 0.2 ? "brief" : "body";
    // Some passages repeat another's sentence, as a brief repeats its release.
    const text = pool[Math.floor(rng() * pool.length)]!;
    out.push({ id: `p${i}`, fields: { [fieldName("title", lang)]: title, [fieldName(kind, lang)]: text } });
  }
  return out;
}

const QUESTIONS: IndexQuery[] = [
  { texts: ["How many troops will the Allies deploy?"] },
  { texts: ["Combien de militaires seront déployés ?"], alternatives: { militaires: ["troops", "soldiers"] } },
  { texts: ["What were the contracts worth?"], context: ["What did NSPA sign?"] },
  { texts: ["Who is Stoltenbreg?"] },
  { texts: ["What did Sweden do?"] },
  { texts: ["What about maritime patrol aircraft?"], alternatives: { aircraft: ["avions"] } },
  { texts: ["Quels avions ont survolé la mer Baltique ?", "Which aircraft flew over the Baltic Sea?"] },
  { texts: ['What about "ammunition production"?'], required: ["ammunition", "production"] },
  { texts: ["combien ?"], context: ["Combien de navires de guerre ?"] },
  { texts: ["A400M F35 readiness preparation"] },
  { texts: ["prepartion operationelle ministres"] },
];

function both(docs: ScoredDocument[], question: IndexQuery, boosted: boolean) {
  const plan = planQuery(question, WEIGHTS);
  const boostDocument = boosted ? (id: string) => 0.5 + 0.5 * ((Number(id.slice(1)) % 5) / 4) : undefined;
  const mini = createMiniSearch([]);
  mini.addAll(docs.map((d) => ({ id: d.id, ...d.fields })));
  const expected = mini
    .search(plan.query, { fuzzy: FUZZY, ...(boostDocument ? { boostDocument: (id) => boostDocument(id) } : {}) })
    .map((r) => ({ id: r.id as string, score: r.score, queryTerms: r.queryTerms }));
  const got = scorePassages(plan.query, docs, { fuzzy: FUZZY, ...(boostDocument ? { boostDocument } : {}) });
  return { expected, got };
}

describe("scorePassages agrees with MiniSearch over the same passages", () => {
  it("on every question of the set, for forty sets of passages, with and without a document boost", () => {
    let compared = 0;
    let matched = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const docs = documents(seed);
      for (const question of QUESTIONS) {
        for (const boosted of [false, true]) {
          const { expected, got } = both(docs, question, boosted);
          expect(got).toEqual(expected);
          compared++;
          matched += expected.length;
        }
      }
    }
    // The comparison is not of empty lists: most questions match some passages.
    expect(compared).toBe(40 * QUESTIONS.length * 2);
    expect(matched).toBeGreaterThan(compared * 2);
  });

  it("finds a typo of a long word through its fuzzy neighbour, as MiniSearch does", () => {
    const docs = documents(7).concat([{ id: "s", fields: { body_en: "Jens Stoltenberg spoke in Oslo." } }]);
    const { expected, got } = both(docs, { texts: ["What did Stoltenbreg say?"] }, false);
    expect(got).toEqual(expected);
    expect(got[0]?.id).toBe("s");
  });

  it("keeps only the passages that carry every required word", () => {
    const docs: ScoredDocument[] = [
      { id: "both", fields: { body_en: EN[7]! } },
      { id: "one", fields: { body_en: EN[1]! } },
      { id: "fr", fields: { body_fr: FR[6]! } },
      { id: "none", fields: { body_en: EN[0]! } },
    ];
    const { expected, got } = both(docs, QUESTIONS[7]!, false);
    expect(got).toEqual(expected);
    expect(got.map((g) => g.id)).toEqual(["both"]);
  });
});

describe("PassageAnalyses (one retrieval's analysed passage fields)", () => {
  const plan = planQuery(QUESTIONS[0]!, WEIGHTS);
  const score = (docs: ScoredDocument[], analyses?: PassageAnalyses) =>
    scorePassages(plan.query, docs, { fuzzy: FUZZY, ...(analyses ? { analyses } : {}) });

  it("analyses each text once per language, a title shared by passages included", () => {
    const analyses = new PassageAnalyses();
    const docs: ScoredDocument[] = [
      { id: "a", fields: { title_en: TITLES[0]!.en, body_en: EN[0]! } },
      { id: "b", fields: { title_en: TITLES[0]!.en, body_en: EN[1]! } },
      { id: "c", fields: { title_en: TITLES[0]!.en, brief_en: EN[0]! } },
      // The same text in French fields is analysed with the French stemmer: another entry.
      { id: "d", fields: { body_fr: EN[0]! } },
    ];
    score(docs, analyses);
    expect(analyses.size).toBe(4);
  });

  it("gives a second round the first one's analyses, and analyses a changed text anew, scoring as a fresh one", () => {
    const analyses = new PassageAnalyses();
    const first = documents(3);
    score(first, analyses);
    const known = analyses.size;
    // The second round: the same passages, one of them with its text changed (a release edited since).
    const second = first.map((d, i) => (i === 0 ? { id: d.id, fields: { body_en: `${EN[2]} Edited.` } } : d));
    expect(score(second, analyses)).toEqual(score(second));
    expect(analyses.size).toBe(known + 1);
    expect(score(first, analyses)).toEqual(score(first));
    expect(analyses.size).toBe(known + 1);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions, and stops past its limit", () => {
    expect(editDistance("stoltenberg", "stoltenbreg", 2)).toBe(2);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("abc", "abc", 0)).toBe(0);
    expect(editDistance("a", "abcd", 1)).toBe(2);
  });

  it("agrees with the whole Levenshtein table on random pairs, capped at limit + 1", () => {
    const full = (a: string, b: string) => {
      const t = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
      for (let j = 1; j <= b.length; j++) t[0]![j] = j;
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          t[i]![j] = Math.min(
            t[i - 1]![j]! + 1,
            t[i]![j - 1]! + 1,
            t[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
      return t[a.length]![b.length]!;
    };
    const rng = seededRandom(99);
    const word = () =>
      Array.from({ length: 1 + Math.floor(rng() * 12) }, () => "abcde"[Math.floor(rng() * 5)]).join("");
    for (let n = 0; n < 2_000; n++) {
      const [a, b, limit] = [word(), word(), Math.floor(rng() * 4)];
      expect(editDistance(a, b, limit)).toBe(Math.min(full(a, b), limit + 1));
    }
  });
});
