import type { Lang } from "../../core/domain/language.js";
import type { Translator } from "../../core/ports/translator.port.js";
import { escapeRegExp } from "../../core/text/regexp.js";
import type { AlignedTranslation } from "./apertium-translator.js";
import type { Leak, LeakDetector } from "./leak-detector.js";

/** What the repair may use: where the main pivot's words came from, and the other pivot to try again. */
export interface RepairContext {
  core: string;
  from: Lang;
  to: Lang;
  detector: LeakDetector;
  /** The main pivot's translation with word-bound blanks: which source words each output word came from. */
  aligned: () => Promise<AlignedTranslation>;
  retry?: { translator: Pick<Translator, "translate">; aligned: () => Promise<AlignedTranslation> } | undefined;
}

/** One leaked word and what replaced it. */
export interface Repair {
  leak: Leak;
  /** retried: the other pivot's words; kept: the source words, bracketed; dropped: a pivot word no source explains. */
  outcome: "retried" | "kept" | "dropped";
  text: string;
}

// Private marks while repairing, so neighbouring kept words end up in one pair of brackets.
const OPEN = "\uE000";
const CLOSE = "\uE001";

/**
 * Replaces each leaked word of `text` (the main pivot's plain output): by what the other pivot makes of the same
 * source words, in context where it aligns them, else of those words alone; else by the source words themselves,
 * bracketed. A pivot's word that no source word explains (inserted by a transfer rule) is dropped.
 */
export async function repairLeaks(
  text: string,
  leaks: readonly Leak[],
  ctx: RepairContext,
): Promise<{ text: string; repairs: Repair[] }> {
  const aligned = await ctx.aligned();
  const used = new Set<number>();
  const repairs: Repair[] = [];
  let out = text.replace(/[\uE000\uE001]/g, "");
  for (const leak of [...leaks].sort((a, b) => a.start - b.start)) {
    repairs.push(await repairOne(leak, sourcesOf(leak, aligned, used), aligned, ctx));
  }
  // Right to left, so earlier offsets stay valid.
  for (const r of [...repairs].sort((a, b) => b.leak.start - a.leak.start)) {
    const before = out.slice(0, r.leak.start);
    const after = out.slice(r.leak.end);
    const words = r.outcome === "retried" ? withoutEchoes(r.text, before, after) : r.text;
    const text = r.outcome === "kept" ? `${OPEN}${words}${CLOSE}` : words;
    // Only a sentence start keeps a capital: MT capitalises some unknown words it passes through ("Exc").
    const start = /(?:^|[.!?…]\s+)$/u.test(before) && /^\p{Lu}/u.test(r.leak.word);
    out = before + (start ? capitalise(text) : text) + after;
  }
  out = out
    .replace(new RegExp(`${CLOSE}(\\s+)${OPEN}`, "g"), "$1")
    .replace(new RegExp(OPEN, "g"), "[")
    .replace(new RegExp(CLOSE, "g"), "]")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([.,;:])/g, "$1");
  if (!/\s$/.test(text)) out = out.trimEnd();
  return { text: out, repairs };
}

async function repairOne(
  leak: Leak,
  sources: number[],
  aligned: AlignedTranslation,
  ctx: RepairContext,
): Promise<Repair> {
  if (sources.length === 0) {
    // An untranslated source word is its own source; a pivot's word from nowhere cannot be put right.
    return leak.kind === "source" ? { leak, outcome: "kept", text: leak.word } : { leak, outcome: "dropped", text: "" };
  }
  const words = sources.map((s) => aligned.words[s]?.text ?? "").filter(Boolean);
  const source = closest(words, leak);
  const clean = async (t: string) =>
    t.trim() !== "" && (await ctx.detector.find(t, ctx.core, ctx.from, ctx.to)).length === 0;
  if (ctx.retry) {
    // In context the other pivot keeps agreement and inflection where it aligns the same source words...
    const alt = await ctx.retry.aligned();
    const same = alt.pieces.filter((p) => sameSources(p.sources, sources));
    const inContext = same.map((p) => p.text.trim()).join(" ");
    if (same.length > 0 && (await clean(inContext))) return { leak, outcome: "retried", text: inContext };
    // ...else it gets the source words alone.
    const [alone = ""] = await ctx.retry.translator.translate([source], ctx.from, ctx.to);
    if (await clean(alone)) return { leak, outcome: "retried", text: alone };
  }
  return { leak, outcome: "kept", text: source };
}

/** The source words behind a leaked word: those of the aligned output word spelt the same, not yet used. */
function sourcesOf(leak: Leak, aligned: AlignedTranslation, used: Set<number>): number[] {
  const pieces = aligned.pieces.map((p, i) => ({ p, i })).filter(({ p }) => containsWord(p.text, leak.word));
  const piece = pieces.find(({ i }) => !used.has(i)) ?? pieces[0];
  if (piece && piece.p.sources.length > 0) {
    used.add(piece.i);
    return piece.p.sources;
  }
  if (leak.kind === "source") {
    const i = aligned.words.findIndex((w) => w.text.toLowerCase() === leak.word.toLowerCase());
    if (i >= 0) return [i];
  }
  return [];
}

/**
 * A rule may have merged a function word into the leaked word's sources ("la pérennité" → "perennitat"): the one
 * source word it resembles is enough; otherwise all of them.
 */
function closest(words: string[], leak: Leak): string {
  if (words.length < 2) return words.join(" ");
  const scored = words.map((w) => ({ w, score: similarity(w, leak.word) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  return best.score >= 0.5 ? best.w : words.join(" ");
}

/** Shared leading letters (accents ignored) over the shorter length: "pérennité"/"perennitat" → 0.67. */
function similarity(a: string, b: string): number {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const x = fold(a);
  const y = fold(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n / Math.min(x.length, y.length);
}

function containsWord(text: string, word: string): boolean {
  const esc = escapeRegExp(word);
  return new RegExp(`(?<![\\p{L}\\p{M}])${esc}(?![\\p{L}\\p{M}])`, "u").test(text);
}

function sameSources(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The other pivot's words for the same source words may repeat a neighbour the main output already has
 * ("centres of Exc" → "of excellence"): drop the repeated word at either end.
 */
function withoutEchoes(text: string, before: string, after: string): string {
  let words = text.trim().split(/\s+/);
  const prev = /([\p{L}\p{M}'’]+)\s*$/u.exec(before)?.[1]?.toLowerCase();
  const next = /^\s*([\p{L}\p{M}'’]+)/u.exec(after)?.[1]?.toLowerCase();
  if (words.length > 1 && prev && words[0]!.toLowerCase() === prev) words = words.slice(1);
  if (words.length > 1 && next && words.at(-1)!.toLowerCase() === next) words = words.slice(0, -1);
  return words.join(" ");
}

function capitalise(text: string): string {
  const at = text.search(/\p{L}/u);
  return at < 0 ? text : text.slice(0, at) + text[at]!.toUpperCase() + text.slice(at + 1);
}
