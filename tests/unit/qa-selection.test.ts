import { describe, expect, it } from "vitest";
import {
  skim,
  WHOLE_READING_SENTENCES,
  WHOLE_RELEASE_SENTENCES,
  WHOLE_RELEASES,
  wholeReleases,
  widen,
} from "../../src/core/qa/model-reading.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { Retrieval } from "../../src/core/qa/retriever.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";
import { firstRelease, pickForExtract, pickForModel, strongReleases } from "../../src/core/qa/selection.js";

const m = (releaseId: string, text: string, coverage: number, matched: number, score = 1): PassageMatch => {
  const passage: Passage = {
    id: `${releaseId}:en:body:${text.length}`,
    releaseId,
    lang: "en",
    kind: "body",
    title: "T",
    text,
  };
  return { passage, score, coverage, matched, matchedName: false };
};
const hasFigure = (x: PassageMatch) => /\d/.test(x.passage.text);

describe("pickForExtract / pickForModel", () => {
  const topic = m("r1", "Locked Shields 2017 is the largest cyber defence exercise.", 0.75, 3, 30);
  const answer = m("r1", "This exercise brings together some 800 participants.", 0.25, 1, 3);

  it("skips the relevant sentence that does not carry the focus", () => {
    expect(
      pickForExtract([topic, answer], undefined, undefined, (x) => x === topic || (hasFigure(x) && x !== topic)),
    ).toEqual([topic]);
    expect(pickForExtract([topic, answer], undefined, undefined, (x) => x === answer)).toEqual([]);
  });

  it("lets a sentence of a release that matches the whole question answer with one of its words", () => {
    const strong = new Set(["r1"]);
    expect(pickForExtract([topic, answer], undefined, undefined, (x) => x === answer, strong)).toEqual([answer]);
    expect(pickForModel([topic, answer], undefined, (x) => x === answer, strong)[0]).toBe(answer);
    // Another release's one-word match does not.
    const other = m("r2", "Some 40 ships took part.", 0.25, 1, 2);
    expect(pickForExtract([topic, other], undefined, undefined, (x) => x === other, strong)).toEqual([]);
  });
});

describe("the first release's sentences answer with two of the question's words and the focus", () => {
  // « combien de personnes travaillent au quartier général de Szczecin ? » (5 words): 2 of them, a figure.
  const staff = m("r1", "Le siège emploie quelque 400 militaires et civils.", 0.4, 2, 5);
  const scrambled = m("r1", "In 2025 the jets were scrambled more than 300 times.", 0.33, 2, 5);
  const elsewhere = m("r2", "Il a un personnel de 180 personnes.", 0.4, 2, 6);
  const oneWord = m("r1", "Il compte 25 pays.", 0.2, 1, 4);

  it("in the first release, two words and the focus answer, in either language", () => {
    expect(pickForExtract([staff], undefined, undefined, hasFigure, undefined, undefined, undefined, "r1")).toEqual([
      staff,
    ]);
    expect(pickForExtract([scrambled], undefined, undefined, hasFigure, undefined, undefined, undefined, "r1")).toEqual(
      [scrambled],
    );
    expect(pickForModel([staff], undefined, hasFigure, undefined, [], undefined, "r1")).toEqual([staff]);
    // Without the rule, neither is relevant: no answer.
    expect(pickForExtract([staff], undefined, undefined, hasFigure)).toEqual([]);
    expect(pickForModel([staff], undefined, hasFigure)).toEqual([]);
  });

  it("not one word, not without the focus, not another release", () => {
    const first = (x: PassageMatch[], answers = hasFigure) =>
      pickForExtract(x, undefined, undefined, answers, undefined, undefined, undefined, "r1");
    expect(first([oneWord])).toEqual([]);
    expect(first([staff], () => false)).toEqual([]);
    expect(first([elsewhere])).toEqual([]);
  });

  it("is the release ranked first, only when a kind of answer is asked", () => {
    const matches = [
      { releaseId: "r1", contentHash: "h1", score: 5, coverage: 0.6 },
      { releaseId: "r2", contentHash: "h2", score: 4, coverage: 0.6 },
    ];
    expect(firstRelease(matches, true)).toBe("r1");
    expect(firstRelease(matches, false)).toBeUndefined();
    expect(firstRelease([], true)).toBeUndefined();
  });

  it("for a question that asks for no kind, only the single release kept that matches most of the question", () => {
    const only = { releaseId: "r1", contentHash: "h1", score: 5, coverage: 0.8 };
    expect(firstRelease([only], false)).toBe("r1");
    expect(firstRelease([{ ...only, coverage: 0.5 }], false)).toBeUndefined();
    expect(firstRelease([only, { ...only, releaseId: "r2" }], false)).toBeUndefined();
  });
});

describe("pickForExtract: among one release's sentences, the one that says the question's words", () => {
  it("quotes first the sentence matching more of the question itself, releases in their order", () => {
    // "what did the ministers agree in Porto?": the opening sentence scores higher (its release's words), the
    // sentence with "agreed" matches more of the question.
    const opening = m("r1", "Foreign ministers met in Porto on 3 May.", 0.5, 2, 20);
    const agreed = m("r1", "The ministers agreed a new plan on energy security.", 0.75, 3, 12);
    const otherRelease = m("r2", "Ministers agreed to meet again in June.", 0.75, 3, 15);
    const all = () => true;
    expect(pickForExtract([opening, agreed], undefined, undefined, all)[0]).toBe(agreed);
    // The best release stays first: a sentence of another release matching as many words does not come before.
    const picked = pickForExtract([opening, otherRelease, agreed], undefined, undefined, all);
    expect(picked[0]).toBe(agreed);
    expect(picked.indexOf(otherRelease)).toBeGreaterThan(picked.indexOf(opening));
    // Equal words: the retrieval score decides, as before.
    const sameWords = m("r1", "The ministers held talks.", 0.5, 2, 5);
    expect(pickForExtract([sameWords, opening], undefined, undefined, all)[0]).toBe(opening);
  });
});

describe("pickForExtract: a sentence of a release ranked behind that says more of the question", () => {
  const fr = (x: PassageMatch): PassageMatch => ({ ...x, passage: { ...x.passage, lang: "fr" } });
  const all = () => true;

  it("quotes, after the best sentence, another release's sentence that says all of the question", () => {
    // "when does the new diving school open?": the best release outscores (its length, its words), a release
    // ranked third says the whole question.
    const best = m("r1", "The new headquarters will host a school for staff officers from 2027.", 0.5, 2, 40);
    const school = m("r3", "The diving school will open in May.", 1, 4, 12);
    const weights = new Map([
      ["r1", 1],
      ["r3", 0.3],
    ]);
    expect(pickForExtract([best, school], weights, undefined, all)).toEqual([best, school]);
    // One that says no more of the question than the best sentence is not quoted from so far behind.
    const less = m("r3", "The school has a pool.", 0.5, 2, 12);
    expect(pickForExtract([best, less], weights, undefined, all)).toEqual([best]);
    // Nor from a release out of sight.
    const farBehind = new Map([
      ["r1", 1],
      ["r3", 0.1],
    ]);
    expect(pickForExtract([best, school], farBehind, undefined, all)).toEqual([best]);
  });

  it("quotes a sentence that says more of the question than the best one, in French too", () => {
    // « quelle base aérienne bulgare sert à la police du ciel en mer Noire ? »
    const best = fr(m("r1", "Huit Eurofighter espagnols se sont posés le 1er septembre en Bulgarie.", 0.57, 4, 400));
    const base = fr(m("r2", "Les missions sont assurées depuis la base de Graf Ignatievo, en Bulgarie.", 0.86, 6, 150));
    const weights = new Map([
      ["r1", 1],
      ["r2", 0.6],
    ]);
    expect(pickForExtract([best, base], weights, undefined, all)).toEqual([best, base]);
    // The best release's other sentences that say the whole question as the best one does are not quoted for that.
    const whole = fr(m("r1", "La police du ciel au-dessus de la mer Noire a commencé en 2014.", 1, 5, 30));
    const repeat = fr(m("r1", "La mer Noire reste une priorité de la police du ciel.", 1, 5, 3));
    expect(pickForExtract([whole, repeat], weights, undefined, all)).toEqual([whole]);
  });

  it("quotes another release's sentences matching as much of the question before those matching less (FR)", () => {
    // « qui commande le centre de Lisbonne ? »: the best release's two sentences, then the one of a release ranked
    // third that says all of it, before a closer release's sentence that says less.
    const a = fr(m("r1", "La cérémonie au centre de Lisbonne a réuni 400 invités.", 1, 3, 75));
    const b = fr(m("r1", "Le général Costa commande le centre de Lisbonne depuis 2024.", 1, 3, 43));
    const closer = fr(m("r2", "Le centre de Naples est commandé par l'amiral Ferraro.", 0.67, 2, 56));
    const further = fr(m("r3", "Le général Silva a pris le commandement du centre de Lisbonne.", 1, 3, 20));
    const weights = new Map([
      ["r1", 1],
      ["r2", 0.72],
      ["r3", 0.57],
    ]);
    expect(pickForExtract([a, b, closer, further], weights, undefined, all)).toEqual([a, b, further]);
  });
});

describe("pickForModel: the best release's sentences that carry the focus", () => {
  it("sends them before the context even when they match few words of the question", () => {
    const opening = m("r1", "The agency signed 12 contracts with partners.", 1, 4, 30);
    const context = [2, 3, 4, 5, 6, 7, 8, 9].map((i) =>
      m(`r${i}`, `The agency met partners ${"x".repeat(i)}.`, 0.75, 3, 20),
    );
    const director = m("r1", "Its director general, Anna Berg, welcomed the decision.", 0.25, 1, 1);
    const carries = (x: PassageMatch) => x === opening || x === director;
    const ranked = [opening, ...context, director];
    const without = pickForModel(ranked, undefined, carries);
    expect(without).toHaveLength(8);
    expect(without).not.toContain(director);
    const sent = pickForModel(ranked, undefined, carries, undefined, [director]);
    expect(sent.slice(0, 2)).toEqual([opening, director]);
    expect(sent).toHaveLength(8);
    // A sentence of the best release that does not carry the focus is not brought forward.
    expect(pickForModel(ranked, undefined, (x) => x === opening, undefined, [director])).not.toContain(director);
  });
});

describe("strongReleases", () => {
  const rel = (releaseId: string, coverage: number) => ({ releaseId, contentHash: "h", score: 1, coverage });
  const weights = new Map([
    ["talks", 1],
    ["drill", 0.8],
    ["other", 0.3],
  ]);
  const matches = [rel("talks", 0.34), rel("drill", 1), rel("other", 1)];

  it("holds the releases matching every word and ranking close to the best, when something is asked", () => {
    expect([...strongReleases(matches, weights, undefined, true)]).toEqual(["drill"]);
    expect([...strongReleases(matches, weights, undefined, false)]).toEqual([]);
  });

  it("holds the release the conversation is about when it ranks first again, not when it trails", () => {
    expect([...strongReleases(matches, weights, new Set(["talks"]), true)].sort()).toEqual(["drill", "talks"]);
    expect([...strongReleases(matches, weights, new Set(["other"]), true)]).toEqual(["drill"]);
  });

  it("holds the best release for a person, place or date when it matches more of the question than any other", () => {
    const leading = [rel("gala", 0.5), rel("talks", 0.25), rel("drill", 0.25)];
    const near = new Map([
      ["gala", 1],
      ["talks", 0.9],
      ["drill", 0.4],
    ]);
    expect([...strongReleases(leading, near, undefined, true, true)]).toEqual(["gala"]);
    // Not for a figure (any sentence has one), not when another release matches as much, not below half.
    expect([...strongReleases(leading, near, undefined, true, false)]).toEqual([]);
    const tied = [rel("gala", 0.5), rel("talks", 0.5)];
    expect([...strongReleases(tied, near, undefined, true, true)]).toEqual([]);
    expect([...strongReleases([rel("gala", 0.4)], near, undefined, true, true)]).toEqual([]);
  });
});

describe("widen: with a model, what the coverage check set aside is read after what it kept", () => {
  const kept = m("kept", "The Defence Ministers met in Brussels on 5 June 2026.", 0.5, 2, 20);
  // The release that says it otherwise: "start-ups" asked, "companies" written; the coverage check set it aside.
  const aside = m("aside", "In all, 74 companies had been chosen for the challenge programme.", 0.25, 1, 8);
  const asideToo = m("aside", "Les 74 entreprises retenues recevront chacune 100 000 euros.", 0.25, 1, 6);

  it("keeps the checked passages first, then adds the search's own choice, without repeating one", () => {
    expect(widen([kept], [kept, aside, asideToo])).toEqual([kept, aside, asideToo]);
    expect(widen([], [aside])).toEqual([aside]);
    expect(widen([kept], [])).toEqual([kept]);
  });

  it("stops at the wide limit, but never drops a checked passage", () => {
    const many = Array.from({ length: 20 }, (_, i) => m(`r${i}`, `Sentence ${i} with ${i} ships.`, 0.5, 2));
    expect(widen([], many)).toHaveLength(16);
    expect(widen(many, [aside])).toEqual(many);
  });
});

describe("wholeReleases: with a model, the best releases are read whole, each in its order", () => {
  const sentence = (releaseId: string, lang: "en" | "fr", kind: Passage["kind"], n: number, text: string): Passage => ({
    id: `${releaseId}:${lang}:${kind}:${n}`,
    releaseId,
    lang,
    kind,
    title: "T",
    text,
  });
  const match = (passage: Passage, coverage: number): PassageMatch => ({
    passage,
    score: coverage * 10,
    coverage,
    matched: 1,
    matchedName: false,
  });
  const retrieval = (passages: PassageMatch[], unmatched: Passage[], order: string[]): Retrieval =>
    ({
      query: { texts: [], lang: "en" },
      matches: order.map((releaseId, i) => ({ releaseId, score: 10 - i })),
      releases: new Map(),
      passages,
      weights: new Map(),
      unmatched,
    }) as unknown as Retrieval;

  it("gives every sentence of the best release, matched or not, in order, then the next release's", () => {
    // "who commands the AGS force?" matches the title's drones, not the sentence that names the commander.
    const drones = match(sentence("ags", "en", "body", 0, "The AGS drones flew their 1,000th mission."), 0.5);
    const commander = sentence(
      "ags",
      "en",
      "body",
      3,
      "“A thousand missions,” said its commander, Brigadier General Lukas Brenner.",
    );
    const crews = sentence("ags", "en", "body", 2, "Some 600 personnel from 16 Allies serve in the force.");
    const other = match(sentence("drones", "en", "body", 1, "Six Allies will deliver 1,500 drones."), 0.5);
    const read = wholeReleases(retrieval([other, drones], [commander, crews], ["ags", "drones"]));
    expect(read.map((x) => x.passage)).toEqual([drones.passage, crews, commander, other.passage]);
  });

  it("reads the next releases whole while they fit, passing over a long one for a shorter one after it", () => {
    // "is NATO buying another AGS drone?" ranks the release that says "studying the purchase of a sixth aircraft" low.
    const of = (releaseId: string, n: number) =>
      Array.from({ length: n }, (_, i) => sentence(releaseId, "en", "body", i, `${releaseId} sentence ${i}.`));
    const best = of("best", 20);
    const long = of("long", WHOLE_READING_SENTENCES - 20 + 1);
    const second = of("second", 12);
    const third = of("third", WHOLE_READING_SENTENCES - 20 - 12 - 1);
    const late = of("late", 1);
    const order = ["best", "long", "second", "third", ...Array.from({ length: WHOLE_RELEASES - 4 }, () => "x"), "late"];
    const read = wholeReleases(retrieval([], [...late, ...third, ...second, ...long, ...best], order));
    // One sentence is left, but the release that would fit ranks past the releases read whole.
    expect(read.map((x) => x.passage)).toEqual([...best, ...second, ...third]);
  });

  it("reads the best release of each other reading of the date second, once", () => {
    // "what did the ministers agree in February?": last February's release is best; the one before's answers.
    const lastYear = match(
      sentence("feb-2025", "en", "body", 0, "Ministers agreed to double interceptor output."),
      0.5,
    );
    const thisYear = match(sentence("feb-2026", "en", "body", 0, "Ministers agreed new drone targets."), 0.5);
    const next = match(sentence("march", "en", "body", 0, "Ministers met again in March."), 0.2);
    const lastYearToo = sentence("feb-2025", "en", "body", 1, "They met in Brussels.");
    const found = retrieval([thisYear, next], [], ["feb-2026", "march"]);
    const otherYear = retrieval([lastYear], [lastYearToo], ["feb-2025"]);
    const again = retrieval([thisYear], [], ["feb-2026"]);
    const read = wholeReleases(found, [again, otherYear, retrieval([], [], [])]);
    expect(read.map((x) => x.passage)).toEqual([thisYear.passage, lastYear.passage, lastYearToo, next.passage]);
  });

  it("reads a French release through its stored translation, and skips a brief", () => {
    const radar = match(sentence("radar", "en", "translation", 0, "Denmark gave NATO a new radar in Greenland."), 0.5);
    const cold = sentence("radar", "en", "translation", 4, "The temperature can go down to –45 °C in winter.");
    const brief = sentence("radar", "en", "brief", 1, "Brief: a new radar.");
    const read = wholeReleases(retrieval([radar], [brief, cold], ["radar"]));
    expect(read.map((x) => x.passage)).toEqual([radar.passage, cold]);
    // Asked in French of a French release: its own sentences.
    const propre = match(sentence("radar", "fr", "body", 0, "Le Danemark remet à l’OTAN un radar au Groenland."), 0.5);
    const froid = sentence("radar", "fr", "body", 4, "La température peut descendre à –45 °C en hiver.");
    expect(wholeReleases(retrieval([propre], [froid], ["radar"])).map((x) => x.passage)).toEqual([
      propre.passage,
      froid,
    ]);
  });

  it("keeps a long release to its matched sentences and the first others, and gives nothing without a release", () => {
    const matched = match(sentence("long", "en", "body", 40, "The exercise ends in Riga."), 0.5);
    const others = Array.from({ length: 50 }, (_, i) => sentence("long", "en", "body", i, `Sentence ${i}.`));
    const read = wholeReleases(retrieval([matched], others, ["long"]));
    expect(read).toHaveLength(WHOLE_RELEASE_SENTENCES);
    expect(read.map((x) => x.passage)).toContain(matched.passage);
    expect(wholeReleases(retrieval([], [], []))).toEqual([]);
  });

  it("comes after the checked passages in what the model reads, once each, beside the wide limit", () => {
    const kept = m("kept", "The Defence Ministers met in Brussels on 5 June 2026.", 0.5, 2, 20);
    const whole = [kept, m("best", "Its commander is General Brenner.", 0, 0, 0)];
    const searched = Array.from({ length: 20 }, (_, i) => m(`r${i}`, `Sentence ${i} with ${i} ships.`, 0.5, 2));
    const read = widen([kept], searched, whole);
    expect(read.slice(0, 2)).toEqual([kept, whole[1]]);
    expect(read).toHaveLength(2 + 15);
  });
});

describe("pickForModel: the best releases' unmatched sentences carrying the focus, two per release", () => {
  it("takes at most two such sentences from each release, so a third release still gets its turn", () => {
    const topic = m("a", "Exercise Nordic Bastion began in Lapland.", 0.75, 3, 30);
    const unmatched = (r: string, t: string) => m(r, t, 0, 0, 0);
    const a = ["Some 9,000 troops take part.", "It runs for 12 days.", "20 ships sail."].map((t) => unmatched("a", t));
    const b = ["In all, 74 companies had been chosen.", "Each gets 100,000 euros."].map((t) => unmatched("b", t));
    const c = [unmatched("c", "Ready to take off within 15 minutes.")];
    const picked = pickForModel([topic], undefined, hasFigure, undefined, [...a, ...b, ...c]);
    expect(picked.filter((x) => x.passage.releaseId === "a" && x !== topic)).toEqual([a[0], a[1]]);
    expect(picked.filter((x) => x.passage.releaseId === "b")).toEqual(b);
    expect(picked.filter((x) => x.passage.releaseId === "c")).toEqual(c);
  });
});

describe("skim: what the search found, for the model, with no rule of relevance", () => {
  const topic = m("a", "DIANA opened its 2026 challenge programme.", 0.34, 1, 9);
  const context = m("a", "The programme focuses on energy resilience.", 0.34, 1, 7);
  const unmatched = (r: string, t: string) => m(r, t, 0, 0, 0);
  const chosen = unmatched("a", "In all, 74 companies had been chosen.");
  const funded = unmatched("a", "Each receives 100,000 euros.");
  const third = unmatched("a", "They come from 20 Allies.");

  it("sends the matching passages with the figure first, the best releases' figures, then the rest once", () => {
    expect(skim([topic, context], hasFigure, [chosen, funded, third, topic])).toEqual([topic, chosen, funded, context]);
  });

  it("reads nothing when no word of the question matched", () => {
    expect(skim([], hasFigure, [])).toEqual([]);
    expect(skim([unmatched("a", "Nothing matched here.")], hasFigure, [])).toEqual([]);
  });
});
