import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ApertiumLexicon, cacheFile } from "../../src/infra/lexicon/apertium-lexicon.js";
import { bilingualEntries } from "../../src/infra/lexicon/att-entries.js";
import { compose } from "../../src/infra/lexicon/build-lexicon.js";
import { lemmaCandidates } from "../../src/infra/lexicon/inflections.js";

/**
 * An AT&T dump as `lt-print` writes one: each entry a chain of arcs from state 0, input and output aligned symbol
 * by symbol with ε padding, tags as single symbols; a final state line; then a second section.
 */
function att(entries: [string, string[], string, string[]][], extraArcs: string[] = []): string {
  const lines: string[] = [];
  let next = 1;
  for (const [src, srcTags, dst, dstTags] of entries) {
    const a = [...src, ...srcTags];
    const b = [...dst, ...dstTags];
    let state = 0;
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      const to = next++;
      lines.push(`${state}\t${to}\t${a[k] ?? "ε"}\t${b[k] ?? "ε"}\t0.000000\t`);
      state = to;
    }
    lines.push(`${state}\t0.000000`);
  }
  return [...lines, ...extraArcs, "--", "0\t1\tx\tx\t0.000000\t", "1\t0.000000"].join("\n");
}

describe("bilingualEntries", () => {
  it("reads lemma and first tag on both sides of each path, whatever the alignment", () => {
    const dump = att([
      ["summit", ["<n>", "<sg>"], "cumbre", ["<n>", "<f>"]],
      ["Russia", ["<np>"], "Rusia", ["<np>", "<loc>"]],
      ["High North", ["<np>"], "Gran Norte", ["<np>"]],
    ]);
    expect(bilingualEntries(dump)).toEqual([
      { source: "summit", sourcePos: "n", target: "cumbre", targetPos: "n" },
      { source: "Russia", sourcePos: "np", target: "Rusia", targetPos: "np" },
      { source: "High North", sourcePos: "np", target: "Gran Norte", targetPos: "np" },
    ]);
  });

  it("skips loops and alphabet-wide regular-expression entries, and parts of speech not kept", () => {
    // State 900 loops over digits and letters (like the <num> and <web> entries) without ever reaching a kept tag.
    const loop = ["0\t900\t@\t@\t0.000000\t", "900\t900\t1\t1\t0.000000\t", "900\t901\ta\ta\t0.000000\t"];
    loop.push("901\t900\tb\tb\t0.000000\t", "901\t902\t<web>\t<web>\t0.000000\t", "902\t0.000000");
    const dump = att(
      [
        ["the", ["<det>"], "el", ["<det>"]],
        ["summit", ["<n>"], "cumbre", ["<n>"]],
      ],
      loop,
    );
    expect(bilingualEntries(dump, (pos) => pos === "n")).toEqual([
      { source: "summit", sourcePos: "n", target: "cumbre", targetPos: "n" },
    ]);
  });
});

describe("compose", () => {
  it("joins through the pivot on lemma and part of speech", () => {
    const first = [
      { source: "summit", sourcePos: "n", target: "cumbre", targetPos: "n" },
      { source: "top", sourcePos: "adj", target: "cumbre", targetPos: "adj" },
    ];
    const second = [{ source: "cumbre", sourcePos: "n", target: "sommet", targetPos: "n" }];
    expect(compose(first, second)).toEqual([{ source: "summit", sourcePos: "n", target: "sommet", targetPos: "n" }]);
  });
});

describe("lemmaCandidates", () => {
  it("undoes elision, possessives, plurals and feminine endings", () => {
    expect(lemmaCandidates("d'Evenes", "fr")).toContain("evenes");
    expect(lemmaCandidates("Sommets", "fr")).toContain("sommet");
    expect(lemmaCandidates("européennes", "fr")).toContain("europeen");
    expect(lemmaCandidates("nationaux", "fr")).toContain("national");
    expect(lemmaCandidates("NATO's", "en")).toContain("nato");
    expect(lemmaCandidates("capabilities", "en")).toContain("capability");
  });
});

/** A fake Apertium data folder (one Spanish pivot) and a fake `lt-print` that prints each dictionary's dump. */
function fakeApertium(): { apertiumDir: string; ltPrint: string; cacheDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "lexicon-"));
  const apertiumDir = path.join(root, "apertium");
  const dumps: Record<string, string> = {
    "apertium-eng-spa/eng-spa": att([
      ["summit", ["<n>"], "cumbre", ["<n>"]],
      ["Russia", ["<np>"], "Rusia", ["<np>"]],
    ]),
    "apertium-fr-es/es-fr": att([
      ["cumbre", ["<n>"], "sommet", ["<n>"]],
      ["Rusia", ["<np>"], "Russie", ["<np>"]],
    ]),
    "apertium-fr-es/fr-es": att([["allié", ["<n>"], "aliado", ["<n>"]]]),
    "apertium-eng-spa/spa-eng": att([["aliado", ["<n>"], "ally", ["<n>"]]]),
  };
  for (const [name, dump] of Object.entries(dumps)) {
    mkdirSync(path.dirname(path.join(apertiumDir, name)), { recursive: true });
    writeFileSync(path.join(apertiumDir, `${name}.autobil.bin`), "LTTB");
    writeFileSync(path.join(apertiumDir, `${name}.att`), dump);
  }
  const ltPrint = path.join(root, "lt-print");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a JS template.
  writeFileSync(ltPrint, '#!/bin/sh\nexec cat "${1%.autobil.bin}.att"\n');
  chmodSync(ltPrint, 0o755);
  return { apertiumDir, ltPrint, cacheDir: path.join(root, "cache") };
}

describe("ApertiumLexicon", () => {
  it("builds its cache on first use, then answers both directions from it", async () => {
    const options = fakeApertium();
    const lexicon = new ApertiumLexicon(options);
    expect(lexicon.equivalents("summit", "en", "fr")).toEqual([]); // not built yet: nothing, no error
    expect(await lexicon.ready()).toBe(true);
    expect(existsSync(cacheFile(options) ?? "")).toBe(true);
    expect(lexicon.equivalents("Summits", "en", "fr")).toEqual([{ lemma: "sommet", pos: "n" }]);
    expect(lexicon.equivalents("sommet", "fr", "en")).toEqual([{ lemma: "summit", pos: "n" }]);
    expect(lexicon.equivalents("Russia's", "en", "fr")).toEqual([{ lemma: "Russie", pos: "np" }]);
    expect(lexicon.equivalents("Alliés", "fr", "en")).toEqual([{ lemma: "ally", pos: "n" }]);
    expect(lexicon.equivalents("ally", "en", "fr")).toEqual([{ lemma: "allié", pos: "n" }]);
    expect(lexicon.lemmas("sommets", "fr")).toEqual(["sommet"]);
    // A second instance reads the cache without running lt-print.
    const again = new ApertiumLexicon({ ...options, ltPrint: "/nonexistent/lt-print" });
    expect(again.equivalents("summit", "en", "fr").map((e) => e.lemma)).toEqual(["sommet"]);
  });

  it("reads the cache the version before wrote (one JSON object) and saves it again in the current format", () => {
    const options = fakeApertium();
    const legacy = cacheFile(options, 1) ?? "";
    mkdirSync(options.cacheDir, { recursive: true });
    // As format 1 wrote it: the lexicon as one object, its tables keyed by folded word.
    const en = { summit: ["sommet\tn", "cime\tn"], russia: ["Russie\tnp"] };
    writeFileSync(legacy, JSON.stringify({ format: 1, sources: [], en, fr: { sommet: ["summit\tn"] } }));
    const lexicon = new ApertiumLexicon({ ...options, ltPrint: "/nonexistent/lt-print" });
    expect(lexicon.equivalents("Summits", "en", "fr")).toEqual([
      { lemma: "sommet", pos: "n" },
      { lemma: "cime", pos: "n" },
    ]);
    expect(lexicon.equivalents("sommet", "fr", "en")).toEqual([{ lemma: "summit", pos: "n" }]);
    const current = cacheFile(options) ?? "";
    expect(current).not.toBe(legacy);
    expect(readFileSync(current, "utf8")).toContain("russia\u0001Russie\tnp");
    // The next start reads the current file alone.
    writeFileSync(legacy, "not JSON any more");
    const again = new ApertiumLexicon({ ...options, ltPrint: "/nonexistent/lt-print" });
    expect(again.equivalents("Russia's", "en", "fr")).toEqual([{ lemma: "Russie", pos: "np" }]);
  });

  it("is empty, not broken, without dictionaries", async () => {
    const lexicon = new ApertiumLexicon({ apertiumDir: path.join(os.tmpdir(), "no-apertium-here"), cacheDir: "/x" });
    expect(await lexicon.ready()).toBe(false);
    expect(lexicon.available()).toBe(false);
    expect(lexicon.equivalents("summit", "en", "fr")).toEqual([]);
  });
});

// The machine's own dictionaries, when `npm run lexicon` has cached them (CI does, after installing Apertium).
const real = cacheFile();
const haveReal = !!real && existsSync(real);
if (!haveReal) console.log("skipping the installed-dictionary lexicon test: run `npm run lexicon` first");
describe.skipIf(!haveReal)("ApertiumLexicon on the installed dictionaries", () => {
  it("maps NATO vocabulary both ways", () => {
    const lexicon = new ApertiumLexicon();
    const fr = (w: string) => lexicon.equivalents(w, "en", "fr").map((e) => e.lemma);
    const en = (w: string) => lexicon.equivalents(w, "fr", "en").map((e) => e.lemma);
    expect(fr("summit")).toContain("sommet");
    expect(en("Congrès")).toContain("congress");
    expect(en("Arménie")).toContain("Armenia");
    expect(en("Bosnie-Herzégovine")).toContain("Bosnia and Herzegovina");
    expect(en("européenne")).toContain("European");
  });
});
