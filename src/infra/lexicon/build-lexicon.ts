import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../../core/domain/language.js";
import type { LexiconPos } from "../../core/ports/bilingual-lexicon.port.js";
import { fold } from "../../core/text/fold.js";
import { type BilEntry, bilingualEntries } from "./att-entries.js";

/**
 * Builds the EN↔FR lexicon from Apertium's compiled bilingual dictionaries. Debian ships no direct EN↔FR pair, so
 * each direction goes through a pivot language, Spanish (eng-spa + fr-es) and Catalan (eng-cat + fra-cat): an
 * English lemma's Spanish equivalents, then their French ones (matched on lemma and part of speech). Both pivots
 * and both directions are merged, and each direction is also read backwards, so "Russie → Russia" found from the
 * French side serves an English word too.
 */
export const LEXICON_FORMAT = 2;
/** The format before (one JSON object, slow to parse at each start): read once and saved again as the current one. */
export const LEGACY_JSON_FORMAT = 1;

export const DEFAULT_APERTIUM_DIR = "/usr/share/apertium";

/** One pivot: the four dictionaries (`package/name` under the Apertium data folder) of EN→X→FR and FR→X→EN. */
interface Pivot {
  name: string;
  enToPivot: string;
  pivotToFr: string;
  frToPivot: string;
  pivotToEn: string;
}

export const PIVOTS: readonly Pivot[] = [
  {
    name: "spa",
    enToPivot: "apertium-eng-spa/eng-spa",
    pivotToFr: "apertium-fr-es/es-fr",
    frToPivot: "apertium-fr-es/fr-es",
    pivotToEn: "apertium-eng-spa/spa-eng",
  },
  {
    name: "cat",
    enToPivot: "apertium-eng-cat/eng-cat",
    pivotToFr: "apertium-fra-cat/cat-fra",
    frToPivot: "apertium-fra-cat/fra-cat",
    pivotToEn: "apertium-eng-cat/cat-eng",
  },
];

const KEPT_POS = new Set<string>(["n", "np", "adj", "vblex", "adv"]);

/** Serialised lexicon: per language, folded lemma → "lemma\tpos" equivalents in the other language. */
export interface LexiconData {
  format: typeof LEXICON_FORMAT;
  /** Dictionaries it was built from, with their sizes: a changed package makes a new cache. */
  sources: { file: string; size: number; mtimeMs: number }[];
  en: Record<string, string[]>;
  fr: Record<string, string[]>;
}

export function dictionaryFile(apertiumDir: string, name: string): string {
  return path.join(apertiumDir, `${name}.autobil.bin`);
}

/** The installed dictionaries of each complete pivot, with their stat: the cache key. */
export function installedSources(apertiumDir: string): LexiconData["sources"] {
  const out: LexiconData["sources"] = [];
  for (const p of PIVOTS) {
    const files = [p.enToPivot, p.pivotToFr, p.frToPivot, p.pivotToEn].map((n) => dictionaryFile(apertiumDir, n));
    if (!files.every((f) => existsSync(f))) continue;
    for (const file of files) {
      const s = statSync(file);
      out.push({ file, size: s.size, mtimeMs: Math.round(s.mtimeMs) });
    }
  }
  return out;
}

/** `lt-print FILE`, asynchronously (the large Catalan dictionaries take seconds). */
function ltPrint(file: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [file], { stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", (e) => reject(new Error(`cannot run ${command} on ${file}: ${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString("utf8"));
      else reject(new Error(`${command} ${file} exited ${code}: ${err.trim().slice(0, 200)}`));
    });
  });
}

type Table = Map<string, Set<string>>;

const keyOf = (lemma: string, pos: string) => `${lemma}\t${pos}`;

function add(table: Table, from: string, value: string): void {
  const k = fold(from);
  const set = table.get(k) ?? new Set<string>();
  set.add(value);
  table.set(k, set);
}

/** source lemma+pos → target lemma+pos of one dictionary, for the parts of speech we keep. */
function byLemma(entries: BilEntry[]): Map<string, BilEntry[]> {
  const map = new Map<string, BilEntry[]>();
  for (const e of entries) {
    if (!KEPT_POS.has(e.sourcePos) || !KEPT_POS.has(e.targetPos)) continue;
    const k = keyOf(e.source, e.sourcePos);
    const list = map.get(k) ?? [];
    list.push(e);
    map.set(k, list);
  }
  return map;
}

/** A→pivot entries joined to pivot→B entries: A lemma → B lemma, pairs of (a, b) with b's part of speech. */
export function compose(first: BilEntry[], second: BilEntry[]): BilEntry[] {
  const next = byLemma(second);
  const out: BilEntry[] = [];
  for (const e of first) {
    if (!KEPT_POS.has(e.sourcePos)) continue;
    for (const f of next.get(keyOf(e.target, e.targetPos)) ?? []) {
      out.push({ source: e.source, sourcePos: e.sourcePos, target: f.target, targetPos: f.targetPos });
    }
  }
  return out;
}

/** Merges composed entries of both directions into the two tables (each direction also read backwards). */
export function mergeTables(enToFr: BilEntry[], frToEn: BilEntry[]): Record<Lang, Table> {
  const en: Table = new Map();
  const fr: Table = new Map();
  for (const e of enToFr) {
    add(en, e.source, keyOf(e.target, e.targetPos));
    add(fr, e.target, keyOf(e.source, e.sourcePos));
  }
  for (const e of frToEn) {
    add(fr, e.source, keyOf(e.target, e.targetPos));
    add(en, e.target, keyOf(e.source, e.sourcePos));
  }
  return { en, fr };
}

export interface BuildOptions {
  apertiumDir?: string;
  /** The dump command (default `lt-print`, from Debian's lttoolbox-dev). */
  ltPrint?: string;
}

/** Reads every installed pivot's dictionaries and returns the merged lexicon; throws when none is installed. */
export async function buildLexicon(options: BuildOptions = {}): Promise<LexiconData> {
  const dir = options.apertiumDir ?? DEFAULT_APERTIUM_DIR;
  const command = options.ltPrint ?? "lt-print";
  const sources = installedSources(dir);
  if (sources.length === 0) {
    throw new Error(
      `no complete EN↔FR pivot under ${dir} (need apertium-eng-spa + apertium-fr-es, or eng-cat + fra-cat)`,
    );
  }
  const installed = new Set(sources.map((s) => s.file));
  const enToFr: BilEntry[] = [];
  const frToEn: BilEntry[] = [];
  for (const p of PIVOTS) {
    if (!installed.has(dictionaryFile(dir, p.enToPivot))) continue;
    // One dictionary at a time: the dumps are large, and the machine is shared.
    const read = async (name: string) => bilingualEntries(await ltPrint(dictionaryFile(dir, name), command), isKeptPos);
    const enPivot = await read(p.enToPivot);
    enToFr.push(...compose(enPivot, await read(p.pivotToFr)));
    const frPivot = await read(p.frToPivot);
    frToEn.push(...compose(frPivot, await read(p.pivotToEn)));
  }
  const tables = mergeTables(enToFr, frToEn);
  const plain = (t: Table) => Object.fromEntries([...t].map(([k, v]) => [k, [...v]]));
  return { format: LEXICON_FORMAT, sources, en: plain(tables.en), fr: plain(tables.fr) };
}

export function isKeptPos(pos: string): pos is LexiconPos {
  return KEPT_POS.has(pos);
}
