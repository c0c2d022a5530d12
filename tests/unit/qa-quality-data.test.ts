import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type EvalRelease,
  filesOf,
  loadQuestions,
  loadReleases,
  QUESTION_FILES,
  type Question,
  releasesFor,
  setOf,
  validate,
} from "../../bench/qa-quality/data.js";
import { containsQuote } from "../../bench/qa-quality/score.js";

// The qa-quality benchmark's data: a typo in a quote or a trap that is not marked would become a false miss.
const corpusDir =
  process.env.NATO_CORPUS_DIR ?? path.resolve(import.meta.dirname, "..", "..", "..", "shared", "corpus");
// The corpus is read where the benchmark reads it (../shared/corpus beside the repository, or NATO_CORPUS_DIR); a
// clone without it cannot check the questions about it, and says so.
const haveCorpus = fs.existsSync(path.join(corpusDir, "index.json"));
if (!haveCorpus)
  console.warn(
    `qa-quality-data.test: no NATO corpus at ${corpusDir} (set NATO_CORPUS_DIR); the data checks are skipped`,
  );
const releases = haveCorpus ? loadReleases(corpusDir) : [];
const questions = loadQuestions();
const byId = new Map(releases.map((r) => [r.id, r]));

const KINDS = [
  "who",
  "which",
  "where",
  "when",
  "how-many",
  "how-much",
  "how-long",
  "what-agreed",
  "yes-no",
  "follow-up",
];
// Sets 3 to 8 also ask for a measure (how far, how cold, how high).
const KINDS_OF_SET = {
  1: KINDS,
  2: KINDS,
  3: [...KINDS, "measure"],
  4: [...KINDS, "measure"],
  5: [...KINDS, "measure"],
  6: [...KINDS, "measure"],
  7: [...KINDS, "measure"],
  8: [...KINDS, "measure"],
} as const;
const TRAPS = ["near-topic", "homograph", "name-common-word", "absent"];
const textOf = (r: EvalRelease, lang: keyof EvalRelease["texts"]) => {
  const t = r.texts[lang];
  return t ? [t.title, ...t.paragraphs].join("\n") : "";
};
const answerable = (q: Question) => q.trap === undefined;
const cross = (q: Question) => !(q.lang in byId.get(q.release!)!.texts);
const filesOfSet = (set: 2 | 3 | 4 | 5 | 6 | 7 | 8) => QUESTION_FILES.filter((f) => setOf(f) === set);
const fromEnglish = (q: Question) => byId.get(q.release!)!.source === "en";

describe.skipIf(!haveCorpus)("qa-quality data", () => {
  it("passes the benchmark's own validation, every id once", () => {
    expect(() => validate(releases, questions)).not.toThrow();
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(releases.map((r) => r.id)).size).toBe(releases.length);
  });

  it("has set 2's fourteen releases: 7 first in English, 7 in French, 2 each way with NATO's counterpart", () => {
    const two = releases.filter((r) => r.set === 2);
    expect(two).toHaveLength(14);
    for (const lang of ["en", "fr"] as const) {
      const first = two.filter((r) => r.source === lang);
      expect(first).toHaveLength(7);
      expect(first.filter((r) => Object.keys(r.texts).length === 2)).toHaveLength(2);
      for (const r of first) expect(r.texts[lang]!.paragraphs.length).toBeGreaterThanOrEqual(4);
    }
  });

  it("has set 3's twelve releases, s01–s12 of 2025–2026: 6 first in each language, 2 each way with a counterpart", () => {
    const three = releases.filter((r) => r.set === 3);
    expect(three.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(2, "0")}`));
    for (const lang of ["en", "fr"] as const) {
      const first = three.filter((r) => r.source === lang);
      expect(first).toHaveLength(6);
      expect(first.filter((r) => Object.keys(r.texts).length === 2)).toHaveLength(2);
      for (const r of first) {
        expect(r.published, r.id).toMatch(/^202[56]-\d\d-\d\d$/u);
        for (const t of Object.values(r.texts))
          expect(t.paragraphs.length, r.id).toSatisfy((n: number) => n >= 4 && n <= 7);
      }
    }
  });

  // Sets 4 to 8: twelve releases each, 6 first in each language, 5 (sets 7 and 8: 6) with a counterpart, 2 each way at
  // least; set 8's are of 2025–2026, all published before 2 December 2026.
  for (const [set, letter, years, counterparts] of [
    [4, "u", /^202[56]-\d\d-\d\d$/u, 5],
    [5, "v", /^2026-\d\d-\d\d$/u, 5],
    [6, "w", /^2026-\d\d-\d\d$/u, 5],
    [7, "x", /^2026-\d\d-\d\d$/u, 6],
    [8, "y", /^202[56]-\d\d-\d\d$/u, 6],
  ] as const)
    it(`has set ${set}'s twelve releases, ${letter}01–${letter}12: 6 first in each language, ${counterparts} with a counterpart`, () => {
      const ofSet = releases.filter((r) => r.set === set);
      expect(ofSet.map((r) => r.id)).toEqual(
        Array.from({ length: 12 }, (_, i) => `${letter}${String(i + 1).padStart(2, "0")}`),
      );
      const paired = ofSet.filter((r) => Object.keys(r.texts).length === 2);
      expect(paired).toHaveLength(counterparts);
      for (const lang of ["en", "fr"] as const) {
        expect(ofSet.filter((r) => r.source === lang)).toHaveLength(6);
        expect(paired.filter((r) => r.source === lang).length, lang).toBeGreaterThanOrEqual(2);
      }
      for (const r of ofSet) {
        expect(r.published, r.id).toMatch(years);
        if (set === 8) expect(r.published! < "2026-12-02", r.id).toBe(true);
        for (const t of Object.values(r.texts))
          expect(t.paragraphs.length, r.id).toSatisfy((n: number) => n >= 4 && n <= 7);
      }
    });

  // (Set 1's files, checked by validate() above, may give the two languages either way round.)
  it("sets 2 to 8 quote the release's original text, and NATO's translation only where the release has one", () => {
    for (const q of questions.filter((x) => answerable(x) && setOf(x.file) > 1)) {
      const r = byId.get(q.release!)!;
      expect(containsQuote(textOf(r, r.source), q.quote!), `${q.id} quote`).toBe(true);
      if (q.quoteOther === undefined) continue;
      const other = r.source === "en" ? "fr" : "en";
      expect(r.texts[other], `${q.id} quoteOther without a counterpart`).toBeDefined();
      expect(containsQuote(textOf(r, other), q.quoteOther), `${q.id} quoteOther`).toBe(true);
    }
  });

  it("marks every unanswerable question with a known trap, and every question with a known kind", () => {
    for (const q of questions) {
      expect(KINDS_OF_SET[setOf(q.file)], q.id).toContain(q.kind);
      if (answerable(q)) expect(q.release, q.id).toBeDefined();
      else {
        expect(TRAPS, q.id).toContain(q.trap);
        expect(q.release ?? q.quote, q.id).toBeUndefined();
      }
      if (q.kind === "follow-up") expect(q.before?.length, q.id).toBeGreaterThan(0);
    }
  });

  it("gives each file of set 2 every kind and every trap, enough traps and cross-language questions", () => {
    for (const file of filesOfSet(2)) {
      const qs = questions.filter((q) => q.file === file);
      const count = (trap: string) => qs.filter((q) => q.trap === trap).length;
      expect(new Set(qs.map((q) => q.kind)), file).toEqual(new Set(KINDS));
      expect(qs.filter((q) => !answerable(q)).length, file).toBeGreaterThanOrEqual(16);
      expect([count("near-topic"), count("homograph"), count("name-common-word"), count("absent")], file).toSatisfy(
        ([near, homograph, name, absent]: number[]) => near! >= 8 && homograph! >= 3 && name! >= 2 && absent! >= 2,
      );
      const ok = qs.filter(answerable);
      expect(ok.filter(cross).length / ok.length, file).toBeGreaterThanOrEqual(0.4);
      const corpus = ok.filter((q) => q.release!.startsWith("corpus:"));
      expect(corpus.length, file).toBeGreaterThanOrEqual(15);
      expect(corpus.filter(cross).length / corpus.length, file).toBeGreaterThanOrEqual(0.4);
      const own = new Set(ok.filter((q) => byId.get(q.release!)!.set === 2).map((q) => q.release));
      expect(own.size, `${file} asks about every set-2 release`).toBe(14);
    }
  });

  it("gives each file of set 3 every kind and trap, traps and cross-language questions, the corpus both ways", () => {
    for (const file of filesOfSet(3)) {
      const qs = questions.filter((q) => q.file === file);
      const count = (pick: (q: Question) => boolean) => qs.filter(pick).length;
      for (const kind of KINDS_OF_SET[3])
        expect(
          count((q) => q.kind === kind),
          `${file} ${kind}`,
        ).toBeGreaterThanOrEqual(3);
      expect(
        count((q) => !answerable(q)),
        file,
      ).toBeGreaterThanOrEqual(14);
      const least = { "near-topic": 6, homograph: 3, "name-common-word": 2, absent: 2 };
      for (const [trap, n] of Object.entries(least))
        expect(
          count((q) => q.trap === trap),
          `${file} ${trap}`,
        ).toBeGreaterThanOrEqual(n);
      const ok = qs.filter(answerable);
      expect(ok.filter(cross).length / ok.length, file).toBeGreaterThanOrEqual(0.5);
      const corpus = ok.filter((q) => q.release!.startsWith("corpus:"));
      expect(corpus.length, file).toBeGreaterThanOrEqual(10);
      // Both directions: French questions on releases stored in English, English ones on releases stored in French.
      expect(corpus.filter((q) => cross(q) && fromEnglish(q)).length, `${file} fr→en`).toBeGreaterThanOrEqual(3);
      expect(corpus.filter((q) => cross(q) && !fromEnglish(q)).length, `${file} en→fr`).toBeGreaterThanOrEqual(3);
      const own = new Set(ok.filter((q) => byId.get(q.release!)!.set === 3).map((q) => q.release));
      expect(own.size, `${file} asks about every set-3 release`).toBe(12);
    }
  });

  // Set 4 was split at random (not stratified), so the shares are the whole set's; each file is only checked to
  // have every kind and every trap reason, and enough traps.
  it("gives set 4 as a whole its shares: traps of each reason, 70 % cross-language, the corpus both ways", () => {
    const qs = questions.filter((q) => setOf(q.file) === 4);
    const count = (pick: (q: Question) => boolean) => qs.filter(pick).length;
    expect(count((q) => !answerable(q))).toBeGreaterThanOrEqual(34);
    const least = { "near-topic": 20, homograph: 5, "name-common-word": 4, absent: 4 };
    for (const [trap, n] of Object.entries(least))
      expect(
        count((q) => q.trap === trap),
        trap,
      ).toBeGreaterThanOrEqual(n);
    const ok = qs.filter(answerable);
    expect(ok.filter(cross).length / ok.length).toBeGreaterThanOrEqual(0.7);
    const corpus = ok.filter((q) => q.release!.startsWith("corpus:"));
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    expect(corpus.filter((q) => cross(q) && fromEnglish(q)).length, "fr→en").toBeGreaterThanOrEqual(6);
    expect(corpus.filter((q) => cross(q) && !fromEnglish(q)).length, "en→fr").toBeGreaterThanOrEqual(6);
    expect(new Set(ok.filter((q) => byId.get(q.release!)!.set === 4).map((q) => q.release)).size).toBe(12);
    for (const file of filesOfSet(4)) {
      const mine = qs.filter((q) => q.file === file);
      expect(new Set(mine.map((q) => q.kind)), file).toEqual(new Set(KINDS_OF_SET[4]));
      expect(new Set(mine.map((q) => q.trap).filter(Boolean)), file).toEqual(new Set(TRAPS));
      expect(mine.filter((q) => !answerable(q)).length, file).toBeGreaterThanOrEqual(16);
    }
  });

  // Sets 5 to 8 were split at random, so a file may lack a kind or a trap reason: the shares are the whole set's.
  // Set 7's writer chose homographs and absent topics over names that are common words; set 8 has all four.
  const SHARE_TRAPS = {
    5: { "near-topic": 18, homograph: 5, "name-common-word": 4, absent: 4 },
    6: { "near-topic": 18, homograph: 5, "name-common-word": 4, absent: 4 },
    7: { "near-topic": 20, homograph: 5, absent: 3 },
    8: { "near-topic": 20, homograph: 5, "name-common-word": 4, absent: 4 },
  } as const;
  // Share of the answerable questions asked in a language the release is not stored in.
  const CROSS_SHARE = { 5: 0.6, 6: 0.6, 7: 0.4, 8: 0.5 } as const;
  for (const set of [5, 6, 7, 8] as const)
    it(`gives set ${set} as a whole its shares: every kind in both languages, traps, cross-language, the corpus`, () => {
      const qs = questions.filter((q) => setOf(q.file) === set);
      const count = (pick: (q: Question) => boolean) => qs.filter(pick).length;
      for (const kind of KINDS_OF_SET[set])
        for (const lang of ["en", "fr"] as const)
          expect(
            count((q) => q.kind === kind && q.lang === lang),
            `${kind} ${lang}`,
          ).toBeGreaterThanOrEqual(1);
      expect(count((q) => !answerable(q))).toBeGreaterThanOrEqual(34);
      for (const [trap, n] of Object.entries(SHARE_TRAPS[set]))
        expect(
          count((q) => q.trap === trap),
          trap,
        ).toBeGreaterThanOrEqual(n);
      const ok = qs.filter(answerable);
      expect(ok.length).toBeGreaterThanOrEqual(100);
      // Sets 7 and 8 put more questions on releases stored in both languages, which count as same-language here
      // (set 7: 44 %; set 8: 50 %, 74 % counting a question in the language its release was not first written in).
      expect(ok.filter(cross).length / ok.length).toBeGreaterThanOrEqual(CROSS_SHARE[set]);
      const corpus = ok.filter((q) => q.release!.startsWith("corpus:"));
      expect(corpus.length).toBeGreaterThanOrEqual(15);
      expect(corpus.filter((q) => cross(q) && fromEnglish(q)).length, "fr→en").toBeGreaterThanOrEqual(6);
      expect(corpus.filter((q) => cross(q) && !fromEnglish(q)).length, "en→fr").toBeGreaterThanOrEqual(6);
      expect(new Set(ok.filter((q) => byId.get(q.release!)!.set === set).map((q) => q.release)).size).toBe(12);
      for (const file of filesOfSet(set))
        expect(
          qs.filter((q) => q.file === file && q.added === undefined),
          file,
        ).toHaveLength(68);
    });

  it("--set names select files, and set 1's files alone store set 1's releases", () => {
    expect(filesOf("dev")).toEqual(["dev", "dev-2", "dev-3", "dev-4", "dev-5", "dev-6", "dev-7", "dev-8"]);
    expect(filesOf("held-out")).toEqual([
      "held-out",
      "held-out-2",
      "held-out-3",
      "held-out-4",
      "held-out-5",
      "held-out-6",
      "held-out-7",
      "held-out-8",
    ]);
    expect(filesOf("dev-1")).toEqual(["dev"]);
    expect(filesOf("dev-2")).toEqual(["dev-2"]);
    expect(filesOf("dev-3")).toEqual(["dev-3"]);
    expect(filesOf("dev-4")).toEqual(["dev-4"]);
    expect(filesOf("dev-5")).toEqual(["dev-5"]);
    expect(filesOf("dev-6")).toEqual(["dev-6"]);
    expect(filesOf("dev-7")).toEqual(["dev-7"]);
    expect(filesOf("dev-8")).toEqual(["dev-8"]);
    expect(filesOf("held-out-1")).toEqual(["held-out"]);
    expect(filesOf("held-out-2")).toEqual(["held-out-2"]);
    expect(filesOf("held-out-3")).toEqual(["held-out-3"]);
    expect(filesOf("held-out-4")).toEqual(["held-out-4"]);
    expect(filesOf("held-out-5")).toEqual(["held-out-5"]);
    expect(filesOf("held-out-6")).toEqual(["held-out-6"]);
    expect(filesOf("held-out-7")).toEqual(["held-out-7"]);
    expect(filesOf("held-out-8")).toEqual(["held-out-8"]);
    expect(filesOf("all")).toEqual(QUESTION_FILES);
    expect(filesOf("dev-9")).toBeUndefined();
    expect(releasesFor(releases, ["dev"]).some((r) => r.set !== 1)).toBe(false);
    expect(releasesFor(releases, ["dev"]).length).toBe(releases.length - 14 - 12 - 12 - 12 - 12 - 12 - 12);
    expect(releasesFor(releases, ["dev-2"])).toEqual(releases);
    expect(releasesFor(releases, ["dev-3"])).toEqual(releases);
    expect(releasesFor(releases, ["held-out", "held-out-3"])).toEqual(releases);
    expect(releasesFor(releases, ["dev-4"])).toEqual(releases);
    expect(releasesFor(releases, ["dev-5"])).toEqual(releases);
    expect(releasesFor(releases, ["dev-6"])).toEqual(releases);
    expect(releasesFor(releases, ["dev-7"])).toEqual(releases);
    expect(releasesFor(releases, ["held-out-8"])).toEqual(releases);
    expect([
      setOf("dev"),
      setOf("held-out-2"),
      setOf("dev-3"),
      setOf("held-out-4"),
      setOf("dev-5"),
      setOf("held-out-6"),
      setOf("dev-7"),
      setOf("held-out-8"),
    ]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
