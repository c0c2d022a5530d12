import { afterAll, describe, expect, it } from "vitest";
import { ApertiumTagger, parseTagged } from "../../src/infra/offline/apertium-tagger.js";

describe("parseTagged", () => {
  it("reads surface, lemma and part of speech; unknown words keep their surface; punctuation is left out", () => {
    const out =
      "^The/the<det><def><sp>$ ^gliders/glider<n><pl>$ ^landed/land<vblex><past>$ ^in/in<pr>$ " +
      "^Latvia/Latvia<np><loc><sg>$ ^twice/*twice$ ^the/the<det><def><sp>$ ^3rd/3<num><ord>$^./.<sent>$";
    expect(parseTagged(out)).toEqual([
      { surface: "The", lemma: "the", pos: "other" },
      { surface: "gliders", lemma: "glider", pos: "noun" },
      { surface: "landed", lemma: "land", pos: "verb" },
      { surface: "in", lemma: "in", pos: "other" },
      { surface: "Latvia", lemma: "Latvia", pos: "proper" },
      { surface: "twice", lemma: "twice", pos: "unknown" },
      { surface: "the", lemma: "the", pos: "other" },
      { surface: "3rd", lemma: "3", pos: "numeral" },
    ]);
  });

  it("takes the first part of a joined analysis, and reads interrogative adjectives as grammar words", () => {
    expect(
      parseTagged("^quelles/quel<adj><itg><f><pl>$ ^du/de<pr>+le<det><def><m><sg>$ ^verte/vert<adj><f><sg>$"),
    ).toEqual([
      { surface: "quelles", lemma: "quel", pos: "other" },
      { surface: "du", lemma: "de", pos: "other" },
      { surface: "verte", lemma: "vert", pos: "adjective" },
    ]);
  });
});

// Real Apertium (Debian's apertium-eng-spa and apertium-fr-es): skipped only when they are missing, and said so.
const tagger = new ApertiumTagger();
const installed = (await tagger.available("en")) && (await tagger.available("fr"));
if (!installed) console.warn("Skipping ApertiumTagger tests: apertium-eng-spa / apertium-fr-es are not installed");

describe.skipIf(!installed)("ApertiumTagger with Apertium", () => {
  afterAll(() => tagger.close());

  it("tags English in context: nouns by lemma, a country as a proper noun, a figure as a numeral", async () => {
    const words = await tagger.tag("How many gliders did Latvia buy in 12 months?", "en");
    expect(words.find((w) => w.surface === "gliders")).toMatchObject({ lemma: "glider", pos: "noun" });
    expect(words.find((w) => w.surface === "Latvia")).toMatchObject({ pos: "proper" });
    expect(words.find((w) => w.surface === "12")).toMatchObject({ pos: "numeral" });
    expect(words.find((w) => w.surface === "buy")).toMatchObject({ pos: "verb" });
  });

  it("tags French, and answers several texts in order on one long-running pipeline", async () => {
    const [a, b] = await Promise.all([
      tagger.tag("Les soldats sont arrivés en Lettonie.", "fr"),
      tagger.tag("La réunion se tiendra en mars.", "fr"),
    ]);
    expect(a.find((w) => w.surface === "soldats")).toMatchObject({ lemma: "soldat", pos: "noun" });
    expect(a.find((w) => w.surface === "Lettonie")).toMatchObject({ pos: "proper" });
    expect(b.find((w) => w.surface === "mars")).toMatchObject({ pos: "noun" });
    expect(await tagger.tag(" … ", "fr")).toEqual([]);
  });
});

describe.skipIf(!installed)("ApertiumTagger warmed up", () => {
  it("starts the language's pipeline at once, before any text, and tags as a cold one does", async () => {
    const warmed = new ApertiumTagger();
    const cold = new ApertiumTagger();
    try {
      warmed.warm("fr");
      const pipelines = (warmed as unknown as { pipelines: Map<string, Promise<{ pid?: number } | undefined>> })
        .pipelines;
      // Started synchronously: the process exists before the event loop comes round.
      const started = pipelines.get("fr");
      expect(started).toBeDefined();
      expect((await started)?.pid).toBeGreaterThan(0);
      warmed.warm("fr");
      expect(pipelines.get("fr")).toBe(started);
      expect(pipelines.has("en")).toBe(false);
      const text = "Combien de soldats sont arrivés en Lettonie ?";
      expect(await warmed.tag(text, "fr")).toEqual(await cold.tag(text, "fr"));
    } finally {
      await Promise.all([warmed.close(), cold.close()]);
    }
  });
});

describe("ApertiumTagger warmed up without Apertium", () => {
  it("starts nothing when the language's files are missing, and tags nothing as before", async () => {
    const tagger = new ApertiumTagger({ modesDir: "/nonexistent/apertium/modes" });
    tagger.warm("en");
    expect(await tagger.available("en")).toBe(false);
    expect(await tagger.tag("How many gliders?", "en")).toEqual([]);
  });
});
