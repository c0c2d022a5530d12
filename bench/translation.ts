/**
 * Offline translation against NATO's own translations: chrF per direction and per pipeline over the paragraph
 * pairs of ../shared/corpus (NATO_CORPUS_DIR), plus the words that leaked (a pivot language's, or the source's left
 * untranslated), found with Apertium's own analysers. Each pipeline is what users get: the protected pipeline of
 * the briefs (glossary terms, figures, dates, names), one release at a time (title, then its paragraphs).
 * Run: npm run bench -- translation
 * Env: TRANSLATION_PIPELINES=a,b (default: all), TRANSLATION_SAVE=FILE (hypotheses as JSON, for comparing runs).
 */
import fs from "node:fs";
import type { Lang } from "../src/core/domain/language.js";
import { ApertiumTranslator, type Direction } from "../src/infra/offline/apertium-translator.js";
import { loadGlossary } from "../src/infra/offline/glossary.js";
import { type Leak, LeakDetector } from "../src/infra/offline/leak-detector.js";
import { MorphAnalyser } from "../src/infra/offline/morph-analyser.js";
import { createOfflineTranslation, type OfflineTranslationOptions } from "../src/infra/offline/offline-translation.js";
import { PartTranslator } from "../src/infra/offline/part-translator.js";
import { CHRF_DEFAULTS, corpusChrf, describeChrf } from "./translation/chrf.js";
import { corpusDir, loadCorpus } from "./translation/corpus.js";

interface Pipeline {
  name: string;
  what: string;
  /** Translates one release's lines (title first) in one direction. */
  translate(lines: string[], from: Lang, to: Lang): Promise<string[]>;
  close(): Promise<void>;
}

const glossary = loadGlossary();
const terms = (text: string, lang: Lang) => glossary.findTerms(text, lang).map((m) => ({ ...m, kind: m.term.kind }));

const lexiconAnalysers = { en: new MorphAnalyser("en"), fr: new MorphAnalyser("fr") };
const lexicon = (words: readonly string[], lang: Lang) => lexiconAnalysers[lang].lookup(words);

function protectedChain(
  name: string,
  what: string,
  chains: Record<Direction, readonly string[]>,
  options: { lexicon?: boolean } = {},
): Pipeline {
  const raw = new ApertiumTranslator({ chains });
  const parts = new PartTranslator(raw, terms, { lexicon: options.lexicon ? lexicon : undefined });
  return {
    name,
    what,
    async translate(lines, from, to) {
      const [headline = "", summary = "", ...keyPoints] = lines;
      const p = await parts.translatePart({ headline, summary, keyPoints }, from, to);
      return [p.headline, p.summary, ...p.keyPoints].slice(0, lines.length);
    },
    close: () => raw.close(),
  };
}

function rawChain(name: string, what: string, chains: Record<Direction, readonly string[]>): Pipeline {
  const raw = new ApertiumTranslator({ chains });
  return { name, what, translate: (lines, from, to) => raw.translate(lines, from, to), close: () => raw.close() };
}

const SPANISH = { "fr-en": ["fr-es", "spa-eng"], "en-fr": ["eng-spa", "es-fr"] } as const;
const CATALAN = { "fr-en": ["fra-cat", "cat-eng"], "en-fr": ["eng-cat", "cat-fra"] } as const;

/** The app's own composition (src/infra/offline/offline-translation.ts), one release as one brief part. */
function app(name: string, what: string, options: Omit<OfflineTranslationOptions, "glossary"> = {}): Pipeline {
  const offline = createOfflineTranslation({ glossary, ...options });
  return {
    name,
    what,
    async translate(lines, from, to) {
      const [headline = "", summary = "", ...keyPoints] = lines;
      const p = await offline.parts.translatePart({ headline, summary, keyPoints }, from, to);
      return [p.headline, p.summary, ...p.keyPoints].slice(0, lines.length);
    },
    close: () => offline.close(),
  };
}

const PIPELINES: Record<string, () => Pipeline> = {
  app: () => app("app", "the app: pivot chosen per direction (DEFAULT_PIVOTS), leak guard, protection, rules"),
  "app-es": () => app("app-es", "the app through Spanish both ways", { pivots: { "en-fr": "es", "fr-en": "es" } }),
  "app-ca": () => app("app-ca", "the app through Catalan both ways", { pivots: { "en-fr": "ca", "fr-en": "ca" } }),
  "app-es-noguard": () =>
    app("app-es-noguard", "the app via Spanish without the leak guard", {
      pivots: { "en-fr": "es", "fr-en": "es" },
      leakGuard: false,
    }),
  "app-ca-noguard": () =>
    app("app-ca-noguard", "the app via Catalan without the leak guard", {
      pivots: { "en-fr": "ca", "fr-en": "ca" },
      leakGuard: false,
    }),
  "today-es": () => protectedChain("today-es", "today's app: protection + Apertium via Spanish", SPANISH),
  "today-ca": () => protectedChain("today-ca", "today's protection + Apertium via Catalan", CATALAN),
  "lex-es": () => protectedChain("lex-es", "names narrowed by the dictionary, via Spanish", SPANISH, { lexicon: true }),
  "lex-ca": () => protectedChain("lex-ca", "names narrowed by the dictionary, via Catalan", CATALAN, { lexicon: true }),
  "raw-es": () => rawChain("raw-es", "bare Apertium via Spanish (no protection)", SPANISH),
  "raw-ca": () => rawChain("raw-ca", "bare Apertium via Catalan (no protection)", CATALAN),
};

const wanted = (process.env.TRANSLATION_PIPELINES ?? Object.keys(PIPELINES).join(",")).split(",").filter(Boolean);
for (const w of wanted) if (!PIPELINES[w]) throw new Error(`unknown pipeline "${w}" (have ${Object.keys(PIPELINES)})`);

const dir = corpusDir();
const corpus = loadCorpus(dir);
const analysers = {
  en: new MorphAnalyser("en"),
  fr: new MorphAnalyser("fr"),
  es: new MorphAnalyser("es"),
  ca: new MorphAnalyser("ca"),
};
const detector = new LeakDetector(analysers);
const directions: [Lang, Lang][] = [
  ["en", "fr"],
  ["fr", "en"],
];
const lineCount = corpus.reduce((n, r) => n + r.lines.en.length, 0);
console.log(
  `corpus: ${dir} — ${corpus.length} releases, ${lineCount} aligned lines (titles + paragraphs) per language`,
);
console.log(`metric: ${describeChrf(CHRF_DEFAULTS)}`);
console.log("leaks: output words the target's Apertium analysers do not know that are a pivot's words (es, ca)");
console.log("       or the source's words left as written; names (np-only or in no dictionary) are not counted\n");

interface Row {
  pipeline: string;
  direction: string;
  chrf: number;
  pivot: Leak[];
  source: Leak[];
  /** Source words the guard kept in brackets for want of a translation. */
  marked: number;
  ms: number;
}
const rows: Row[] = [];
const saved: Record<string, Record<string, string[][]>> = {};

for (const name of wanted) {
  const pipeline = PIPELINES[name]!();
  saved[name] = {};
  for (const [from, to] of directions) {
    const t0 = performance.now();
    const hyps: string[][] = [];
    for (const release of corpus) hyps.push(await pipeline.translate(release.lines[from], from, to));
    const ms = performance.now() - t0;
    const refs = corpus.flatMap((r) => r.lines[to]);
    const chrf = corpusChrf(hyps.flat(), refs);
    const leaks: Leak[] = [];
    let marked = 0;
    for (const [i, release] of corpus.entries()) {
      for (const [j, line] of (hyps[i] ?? []).entries()) {
        const found = await detector.find(line, release.lines[from][j] ?? "", from, to);
        const inBrackets = (l: Leak) => /\[[^\]]*$/.test(line.slice(0, l.start)) && line.indexOf("]", l.end) >= 0;
        marked += found.filter((l) => l.kind === "source" && inBrackets(l)).length;
        leaks.push(...found.filter((l) => !(l.kind === "source" && inBrackets(l))));
      }
    }
    rows.push({
      pipeline: name,
      direction: `${from}→${to}`,
      chrf,
      pivot: leaks.filter((l) => l.kind === "pivot"),
      source: leaks.filter((l) => l.kind === "source"),
      marked,
      ms,
    });
    saved[name][`${from}-${to}`] = hyps;
  }
  await pipeline.close();
}
await Promise.all([...Object.values(analysers), ...Object.values(lexiconAnalysers)].map((a) => a.close()));

const top = (leaks: Leak[]) => {
  const counts = new Map<string, number>();
  for (const l of leaks) counts.set(l.word, (counts.get(l.word) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([w, n]) => (n > 1 ? `${w}×${n}` : w))
    .join(", ");
};
console.log("| pipeline | direction | chrF | pivot words leaked | source words left | kept [marked] | time |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  console.log(
    `| ${r.pipeline} | ${r.direction} | ${r.chrf.toFixed(2)} | ${r.pivot.length} | ${r.source.length} | ${r.marked} | ${(r.ms / 1000).toFixed(1)} s |`,
  );
}
console.log("");
for (const r of rows) {
  if (r.pivot.length) console.log(`${r.pipeline} ${r.direction} pivot: ${top(r.pivot)}`);
  if (r.source.length) console.log(`${r.pipeline} ${r.direction} source: ${top(r.source)}`);
}
for (const name of wanted) console.log(`${name}: ${PIPELINES[name]!().what}`);
if (process.env.TRANSLATION_SAVE) {
  fs.writeFileSync(process.env.TRANSLATION_SAVE, JSON.stringify(saved, null, 1));
  console.log(`hypotheses saved to ${process.env.TRANSLATION_SAVE}`);
}
