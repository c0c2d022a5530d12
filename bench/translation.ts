/**
 * Offline translation against NATO's own translations: chrF per direction and per pipeline over the paragraph
 * pairs of ../shared/corpus (NATO_CORPUS_DIR), and over sentences written for the project that are not in it
 * (bench/translation/heldout.json), plus the words that leaked (a pivot language's, or the source's left
 * untranslated), found with Apertium's own analysers. "app" is what users get: the briefs' protected pipeline.
 * Run: npm run bench -- translation
 * Env: TRANSLATION_PIPELINES=app,bare-es (default: all), TRANSLATION_SAVE=FILE (outputs as JSON, to compare runs),
 * TRANSLATION_GLOSSARY=FILE (the app pipelines with another glossary, e.g. the one before NATO's corpus terms).
 */
import fs from "node:fs";
import type { Lang } from "../src/core/domain/language.js";
import { loadGlossary } from "../src/infra/offline/glossary.js";
import { type Leak, LeakDetector } from "../src/infra/offline/leak-detector.js";
import { createAnalysers } from "../src/infra/offline/morph-analyser.js";
import { DEFAULT_PIVOTS } from "../src/infra/offline/pivots.js";
import { CHRF_DEFAULTS, corpusChrf, describeChrf } from "./translation/chrf.js";
import { type Dataset, heldOut, natoCorpus } from "./translation/datasets.js";
import { PIPELINES } from "./translation/pipelines.js";

const wanted = (process.env.TRANSLATION_PIPELINES ?? Object.keys(PIPELINES).join(",")).split(",").filter(Boolean);
for (const w of wanted) if (!PIPELINES[w]) throw new Error(`unknown pipeline "${w}" (have ${Object.keys(PIPELINES)})`);

const datasets: Dataset[] = [natoCorpus(), heldOut()];
const analysers = createAnalysers();
const detector = new LeakDetector(analysers);
const directions: [Lang, Lang][] = [
  ["en", "fr"],
  ["fr", "en"],
];
// Words of NATO's official terms, as the glossary gives them: "Tri-Presidency" or "munitions" are not leaks.
const glossary = loadGlossary();
const official: Record<Lang, Set<string>> = { en: new Set(), fr: new Set() };
for (const t of glossary.terms) {
  for (const lang of ["en", "fr"] as const) {
    for (const form of [t[lang], ...(lang === "en" ? t.enVariants : t.frVariants)]) {
      for (const w of form.match(/[\p{L}\p{M}]+/gu) ?? []) official[lang].add(w);
    }
  }
}

console.log(`metric: ${describeChrf(CHRF_DEFAULTS)}`);
console.log("leaks: output words the target's Apertium analysers do not know that are a pivot's words (es, ca),");
console.log("       or the source's words left as written; names (np-only or in no dictionary), acronyms and the");
console.log("       words of official glossary terms are not counted. [kept] = source words the guard bracketed.");
console.log(`app pivots: en→fr ${DEFAULT_PIVOTS["en-fr"]}, fr→en ${DEFAULT_PIVOTS["fr-en"]}`);
for (const name of wanted) console.log(`  ${name}: ${PIPELINES[name]!().what}`);

interface Row {
  pipeline: string;
  direction: string;
  chrf: number;
  pivot: Leak[];
  source: Leak[];
  kept: number;
  ms: number;
}
const saved: Record<string, Record<string, Record<string, string[][]>>> = {};

for (const dataset of datasets) {
  const rows: Row[] = [];
  saved[dataset.name] = {};
  for (const name of wanted) {
    const pipeline = PIPELINES[name]!();
    const out: Record<string, string[][]> = {};
    for (const [from, to] of directions) {
      const t0 = performance.now();
      const hyps: string[][] = [];
      for (const doc of dataset.documents) hyps.push(await pipeline.translate(doc[from], from, to));
      const ms = performance.now() - t0;
      const chrf = corpusChrf(
        hyps.flat(),
        dataset.documents.flatMap((d) => d[to]),
      );
      const { leaks, kept } = await countLeaks(dataset, hyps, from, to);
      rows.push({
        pipeline: name,
        direction: `${from}→${to}`,
        chrf,
        pivot: leaks.filter((l) => l.kind === "pivot"),
        source: leaks.filter((l) => l.kind === "source"),
        kept,
        ms,
      });
      out[`${from}-${to}`] = hyps;
    }
    saved[dataset.name]![name] = out;
    await pipeline.close();
  }
  print(dataset, rows);
}
await Promise.all(Object.values(analysers).map((a) => a.close()));
if (process.env.TRANSLATION_SAVE) {
  fs.writeFileSync(process.env.TRANSLATION_SAVE, JSON.stringify(saved, null, 1));
  console.log(`\noutputs saved to ${process.env.TRANSLATION_SAVE}`);
}

async function countLeaks(dataset: Dataset, hyps: string[][], from: Lang, to: Lang) {
  const leaks: Leak[] = [];
  let kept = 0;
  for (const [i, doc] of dataset.documents.entries()) {
    for (const [j, line] of (hyps[i] ?? []).entries()) {
      const found = (await detector.find(line, doc[from][j] ?? "", from, to)).filter((l) => !official[to].has(l.word));
      const inBrackets = (l: Leak) => /\[[^\]]*$/.test(line.slice(0, l.start)) && line.indexOf("]", l.end) >= 0;
      kept += found.filter((l) => l.kind === "source" && inBrackets(l)).length;
      leaks.push(...found.filter((l) => !(l.kind === "source" && inBrackets(l))));
    }
  }
  return { leaks, kept };
}

function print(dataset: Dataset, rows: Row[]): void {
  console.log(`\n## ${dataset.name} — ${dataset.description}\n`);
  console.log("| pipeline | direction | chrF | pivot words | source words left | [kept] | time |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) {
    const time = `${(r.ms / 1000).toFixed(1)} s`;
    console.log(
      `| ${r.pipeline} | ${r.direction} | ${r.chrf.toFixed(2)} | ${r.pivot.length} | ${r.source.length} | ${r.kept} | ${time} |`,
    );
  }
  const top = (leaks: Leak[]) => {
    const counts = new Map<string, number>();
    for (const l of leaks) counts.set(l.word, (counts.get(l.word) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([w, n]) => (n > 1 ? `${w}×${n}` : w))
      .join(", ");
  };
  for (const r of rows) {
    if (r.pivot.length) console.log(`  ${r.pipeline} ${r.direction} pivot words: ${top(r.pivot)}`);
    if (r.source.length) console.log(`  ${r.pipeline} ${r.direction} source words: ${top(r.source)}`);
  }
}
