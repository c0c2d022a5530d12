/**
 * Faithfulness of the fact guard and the answer check, on data they were not tuned on. Run:
 *   npm run bench -- faithfulness            (add -- --verbose after the name to list every miss)
 * Data: bench/faithfulness/*.json (releases written for this benchmark, faithful model-style briefs and cited
 * answers, one-edit unfaithful variants) and NATO's own translations in $NATO_CORPUS_DIR (../shared/corpus).
 * Definitions:
 *   faithful accepted  = the check flags nothing in the item (a brief shown whole at the first request; an answer
 *                        with every sentence kept);
 *   unfaithful caught  = the check flags the sentence that carries the edit (it is never shown);
 *   official clean     = a sentence of NATO's translation in which the check finds nothing against the original.
 */
import fs from "node:fs";
import path from "node:path";
import type { BriefPart } from "../src/core/domain/brief.js";
import type { Lang } from "../src/core/domain/language.js";
import type { ReleaseText } from "../src/core/domain/release.js";
import type { NumberedPassage } from "../src/core/qa/answer-model.port.js";
import { splitSentences } from "../src/core/text/sentences.js";
import { flagAnswer, flagBrief, guardName } from "./faithfulness/guard.js";

const here = path.join(import.meta.dirname, "faithfulness");
const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(here, name), "utf8")) as T;
const verbose = process.argv.includes("--verbose");

interface RawRelease {
  id: string;
  source: Lang;
  en: { title: string; paragraphs: string[] };
  fr: { title: string; paragraphs: string[] };
}
interface BriefItem {
  id: string;
  release: string;
  lang: Lang;
  stored: "source" | "both";
  covers: string[];
  brief: BriefPart;
}
interface AnswerItem {
  id: string;
  lang: Lang;
  passages: [string, Lang, number][];
  covers: string[];
  text: string;
}
interface Variant {
  id: string;
  of: string;
  category: string;
  find: string;
  replace: string;
}

interface DataSet {
  releases: Map<string, RawRelease>;
  briefs: BriefItem[];
  answers: AnswerItem[];
  variants: Variant[];
}
const main: DataSet = {
  releases: new Map(read<{ releases: RawRelease[] }>("releases.json").releases.map((r) => [r.id, r])),
  briefs: read<{ briefs: BriefItem[] }>("briefs.json").briefs,
  answers: read<{ answers: AnswerItem[] }>("answers.json").answers,
  variants: read<{ variants: Variant[] }>("variants.json").variants,
};
const held = read<{ releases: RawRelease[]; briefs: BriefItem[]; answers: AnswerItem[]; variants: Variant[] }>(
  "holdout.json",
);
const holdout: DataSet = { ...held, releases: new Map(held.releases.map((r) => [r.id, r])) };
let releases = main.releases;

const text = (r: RawRelease, lang: Lang): ReleaseText => ({ lang, official: true, ...r[lang] });
function storedTexts(item: BriefItem): { texts: Partial<Record<Lang, ReleaseText>> } {
  const r = releases.get(item.release);
  if (!r) throw new Error(`${item.id}: no release ${item.release}`);
  return item.stored === "both"
    ? { texts: { en: text(r, "en"), fr: text(r, "fr") } }
    : { texts: { [r.source]: text(r, r.source) } };
}
function passagesOf(item: AnswerItem): NumberedPassage[] {
  return item.passages.map(([id, lang, p], i) => {
    const r = releases.get(id);
    const para = r?.[lang].paragraphs[p];
    if (!r || para === undefined) throw new Error(`${item.id}: no passage ${id}/${lang}/${p}`);
    return { n: i + 1, releaseId: id, title: r[lang].title, lang, text: para };
  });
}

/** Comparable form of a sentence: no citation markers, spaces collapsed, no final punctuation. */
const norm = (s: string) =>
  s
    .replace(/\s*\[\d[\d,;\s]*\]/gu, "")
    .replace(/\s+/gu, " ")
    .replace(/[\s.!?…]+$/u, "")
    .trim();

type Tally = Map<string, { ok: number; n: number; misses: string[] }>;
const count = (t: Tally, key: string, ok: boolean, miss: string) => {
  const e = t.get(key) ?? { ok: 0, n: 0, misses: [] };
  e.n++;
  if (ok) e.ok++;
  else e.misses.push(miss);
  t.set(key, e);
};
const fmt = (e: { ok: number; n: number }) => `${e.ok}/${e.n} (${((100 * e.ok) / Math.max(1, e.n)).toFixed(1)} %)`;
const show = (title: string, t: Tally) => {
  console.log(title);
  for (const [k, e] of [...t].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`  ${k.padEnd(18)} ${fmt(e)}`);
    if (verbose) for (const m of e.misses) console.log(`      miss ${m}`);
  }
};
const total = (t: Tally, keys?: string[]) => {
  const out = { ok: 0, n: 0 };
  for (const [k, e] of t) {
    if (keys && !keys.includes(k)) continue;
    out.ok += e.ok;
    out.n += e.n;
  }
  return out;
};

type Both = { brief: Tally; answer: Tally };

/** Faithful items accepted whole, and variants whose edited sentence is flagged, for one data set. */
function measure(set: DataSet): { faithful: Both; overall: Both; caught: Both } {
  releases = set.releases;
  const { briefs, answers, variants } = set;
  const faithful = { brief: new Map() as Tally, answer: new Map() as Tally };
  const overall = { brief: new Map() as Tally, answer: new Map() as Tally };
  for (const b of briefs) {
    const flagged = flagBrief(b.brief, b.lang, storedTexts(b));
    const why = [...flagged.values()].flat().join("; ");
    for (const c of b.covers) count(faithful.brief, c, flagged.size === 0, `${b.id}: ${why}`);
    count(overall.brief, "all", flagged.size === 0, `${b.id}: ${why}`);
  }
  for (const a of answers) {
    const flagged = flagAnswer(a.text, a.lang, passagesOf(a));
    const why = [...flagged.values()].flat().join("; ");
    for (const c of a.covers) count(faithful.answer, c, flagged.size === 0, `${a.id}: ${why}`);
    count(overall.answer, "all", flagged.size === 0, `${a.id}: ${why}`);
  }

  // Unfaithful variants: is the edited sentence flagged?
  const caught = { brief: new Map() as Tally, answer: new Map() as Tally };
  const byId = new Map<string, BriefItem | AnswerItem>([...briefs, ...answers].map((i) => [i.id, i]));
  for (const v of variants) {
    const item = byId.get(v.of);
    if (!item) throw new Error(`${v.id}: no item ${v.of}`);
    let units: string[];
    let flagged: Map<string, string[]>;
    if ("brief" in item) {
      const fields = [item.brief.headline, item.brief.summary, ...item.brief.keyPoints];
      const edited = fields.map((f) => (f.includes(v.find) ? f.replace(v.find, v.replace) : f));
      const [headline = "", summary = "", ...keyPoints] = edited;
      flagged = flagBrief({ headline, summary, keyPoints }, item.lang, storedTexts(item));
      units = edited.filter((f, i) => f !== fields[i]).flatMap((f) => splitSentences(f));
      units = units.filter((u) => u.includes(v.replace) || v.replace.includes(norm(u)) || fieldsDiffer(u, fields));
    } else {
      const edited = item.text.replace(v.find, v.replace);
      flagged = flagAnswer(edited, item.lang, passagesOf(item));
      const before = new Set(splitSentences(item.text).map(norm));
      units = splitSentences(edited).filter((s) => !before.has(norm(s)));
    }
    const flaggedNorm = [...flagged.keys()].map(norm);
    const hit =
      units.length > 0 && units.every((u) => flaggedNorm.some((f) => f.includes(norm(u)) || norm(u).includes(f)));
    count("brief" in item ? caught.brief : caught.answer, v.category, hit, `${v.id} (${v.of}): "${v.replace}"`);
  }
  return { faithful, overall, caught };
}
function fieldsDiffer(sentence: string, fields: string[]): boolean {
  return !fields.some((f) => splitSentences(f).includes(sentence));
}

// NATO's own translations: each sentence of the counterpart checked against the original alone.
const corpusDir = process.env.NATO_CORPUS_DIR ?? path.resolve(import.meta.dirname, "..", "..", "shared", "corpus");
const official = new Map() as Tally;
if (fs.existsSync(path.join(corpusDir, "index.json"))) {
  const index = JSON.parse(fs.readFileSync(path.join(corpusDir, "index.json"), "utf8")) as {
    id: string;
    original: Lang;
  }[];
  for (const e of index) {
    const load = (lang: Lang): ReleaseText => {
      const [title = "", ...paragraphs] = fs
        .readFileSync(path.join(corpusDir, `${e.id}.${lang}.txt`), "utf8")
        .trim()
        .split("\n");
      return { lang, title, paragraphs: paragraphs.filter((p) => p.trim()), official: true };
    };
    for (const [from, to] of [
      ["en", "fr"],
      ["fr", "en"],
    ] as [Lang, Lang][]) {
      const original = load(from);
      const translation = load(to);
      for (const s of [translation.title, ...translation.paragraphs.flatMap((p) => splitSentences(p))]) {
        const flagged = flagBrief({ headline: "", summary: s, keyPoints: [] }, to, { texts: { [from]: original } });
        count(
          official,
          `${to} vs ${from}`,
          flagged.size === 0,
          `${e.id}: ${[...flagged.values()].flat().join("; ")} | ${s.slice(0, 90)}`,
        );
      }
    }
  }
} else {
  console.log(`(no corpus at ${corpusDir}: set NATO_CORPUS_DIR)`);
}

const NAMES = ["person", "place", "organisation", "summit", "programme", "equipment", "background"];
const { faithful, overall, caught } = measure(main);
const late = measure(holdout);
console.log(`faithfulness benchmark: ${guardName}`);
const sizes = (d: DataSet) =>
  `${d.releases.size} releases, ${d.briefs.length} briefs + ${d.answers.length} answers faithful, ${d.variants.length} unfaithful variants`;
console.log(`data: ${sizes(main)}; held out: ${sizes(holdout)}; corpus ${corpusDir}`);
show("faithful briefs accepted at the first request, by what they exercise:", faithful.brief);
show("faithful answers accepted whole, by what they exercise:", faithful.answer);
show("unfaithful briefs caught, by the edit:", caught.brief);
show("unfaithful answers caught, by the edit:", caught.answer);
show("official counterparts: sentences clean against the original:", official);
const both = (t: Both, keys?: string[]) => {
  const a = total(t.brief, keys);
  const b = total(t.answer, keys);
  return { ok: a.ok + b.ok, n: a.n + b.n };
};
console.log("summary (target):");
console.log(`  faithful briefs accepted     ${fmt(total(overall.brief))}  (≥ 95 %)`);
console.log(`  faithful answers accepted    ${fmt(total(overall.answer))}  (≥ 95 %)`);
console.log(`  caught: figures & magnitudes ${fmt(both(caught, ["figure", "magnitude"]))}  (100 %)`);
console.log(`  caught: dates & times        ${fmt(both(caught, ["date", "time"]))}  (100 %)`);
console.log(`  caught: names (${NAMES.length} kinds)     ${fmt(both(caught, NAMES))}  (≥ 95 %)`);
console.log(
  `  official sentences clean     ${fmt(total(official, ["fr vs en"]))} fr vs en, ${fmt(total(official, ["en vs fr"]))} en vs fr  (≥ 95 %)`,
);
console.log("held-out set (written after tuning on the main set; its first run is in bench/README.md):");
console.log(`  faithful briefs accepted     ${fmt(total(late.overall.brief))}`);
console.log(`  faithful answers accepted    ${fmt(total(late.overall.answer))}`);
console.log(`  caught: figures & magnitudes ${fmt(both(late.caught, ["figure", "magnitude"]))}`);
console.log(`  caught: dates & times        ${fmt(both(late.caught, ["date", "time"]))}`);
console.log(`  caught: names                ${fmt(both(late.caught, NAMES))}`);
if (verbose) {
  for (const [title, t] of [
    ["held-out faithful briefs", late.faithful.brief],
    ["held-out faithful answers", late.faithful.answer],
    ["held-out caught (briefs)", late.caught.brief],
    ["held-out caught (answers)", late.caught.answer],
  ] as [string, Tally][])
    show(`${title}:`, t);
}
