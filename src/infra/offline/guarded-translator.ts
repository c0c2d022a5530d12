import type { Lang } from "../../core/domain/language.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import type { Translator, TranslatorStatus } from "../../core/ports/translator.port.js";
import type { AlignedPiece } from "./apertium-stream.js";
import {
  type AlignedTranslation,
  type ApertiumTranslator,
  type Direction,
  framed,
  tidy,
} from "./apertium-translator.js";
import type { Leak, LeakDetector } from "./leak-detector.js";
import { otherPivot, PIVOT_NAMES, type PivotId } from "./pivots.js";

export interface GuardedTranslatorOptions {
  /** One Apertium translator per pivot language. */
  pivots: Record<PivotId, ApertiumTranslator>;
  /** The pivot each direction goes through. */
  choice: Record<Direction, PivotId>;
  /** Without one (no analysers installed), output is not checked for leaked words. */
  detector?: LeakDetector | undefined;
  logger?: Logger;
}

interface Route {
  main: ApertiumTranslator;
  /** The other pivot, for the words the main one leaves in a third language or untranslated. */
  alt: ApertiumTranslator | undefined;
  guarded: boolean;
}

/**
 * English↔French through the pivot chosen per direction, with a leak guard after it: words of the output that
 * the target language's dictionaries do not know and that are a pivot's words or the source's words left
 * untranslated are traced back to their source words (Apertium's word-bound blanks), translated again through the
 * other pivot, and otherwise replaced by the source words in brackets, never left in a third language.
 */
export class GuardedTranslator implements Translator {
  private readonly logger: Logger;
  private readonly routes = new Map<Direction, Promise<Route | { unavailable: string }>>();

  constructor(private readonly options: GuardedTranslatorOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  async status(from: Lang, to: Lang): Promise<TranslatorStatus> {
    if (from === to) return { available: true, pipeline: "identity" };
    const route = await this.route(from, to);
    if ("unavailable" in route) return { available: false, reason: route.unavailable };
    const main = await route.main.status(from, to);
    if (!main.available) return main;
    const guard = route.guarded ? ` + leak guard${route.alt ? ` (retry via ${this.altName(from, to)})` : ""}` : "";
    return { available: true, pipeline: `${main.pipeline}${guard}` };
  }

  async translate(segments: string[], from: Lang, to: Lang): Promise<string[]> {
    if (from === to) return [...segments];
    const route = await this.route(from, to);
    if ("unavailable" in route) throw new Error(route.unavailable);
    if (!route.guarded) return route.main.translate(segments, from, to);
    return Promise.all(segments.map((s) => framed(s, (core) => this.guarded(core, from, to, route))));
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.options.pivots).map((p) => p.close()));
  }

  private altName(from: Lang, to: Lang): string {
    return PIVOT_NAMES[otherPivot(this.options.choice[`${from}-${to}` as Direction])];
  }

  private route(from: Lang, to: Lang): Promise<Route | { unavailable: string }> {
    const direction = `${from}-${to}` as Direction;
    let route = this.routes.get(direction);
    if (!route) {
      route = this.buildRoute(direction, from, to);
      this.routes.set(direction, route);
    }
    return route;
  }

  private async buildRoute(direction: Direction, from: Lang, to: Lang): Promise<Route | { unavailable: string }> {
    const chosen = this.options.choice[direction];
    const other = otherPivot(chosen);
    const [mainStatus, otherStatus] = await Promise.all([
      this.options.pivots[chosen].status(from, to),
      this.options.pivots[other].status(from, to),
    ]);
    const guarded = this.options.detector ? await this.options.detector.available(to) : false;
    if (mainStatus.available) {
      return {
        main: this.options.pivots[chosen],
        alt: otherStatus.available ? this.options.pivots[other] : undefined,
        guarded,
      };
    }
    // The chosen pivot is not installed: the other one is better than no translation.
    if (otherStatus.available) {
      this.logger.warn("offline translation falls back to the other pivot", { direction, reason: mainStatus.reason });
      return { main: this.options.pivots[other], alt: undefined, guarded };
    }
    return { unavailable: mainStatus.reason };
  }

  private async guarded(core: string, from: Lang, to: Lang, route: Route): Promise<string> {
    const detector = this.options.detector!;
    const first = await route.main.translateAligned(core, from, to);
    const raw = first.pieces.map((p) => p.text).join("");
    const leaks = await detector.find(raw, core, from, to);
    if (leaks.length === 0) return first.text;
    let alt: Promise<AlignedTranslation> | undefined;
    const altAligned = () => {
      alt ??= route.alt!.translateAligned(core, from, to);
      return alt;
    };
    const repaired: { text: string; marked: boolean }[] = [];
    const byPiece = leaksByPiece(first.pieces, leaks);
    for (const [i, piece] of first.pieces.entries()) {
      const leaked = byPiece.get(i);
      if (!leaked) {
        repaired.push({ text: piece.text, marked: false });
        continue;
      }
      const retry = route.alt ? { translator: route.alt, aligned: altAligned } : undefined;
      const fix = await this.repair(piece, leaked, first, { core, from, to, retry });
      this.logger.debug("leaked words repaired", { leaked: leaked.map((l) => `${l.word} (${l.kind})`), fix: fix.text });
      repaired.push(fix);
    }
    return tidy(core, joinMarks(repaired));
  }

  private async repair(
    piece: AlignedPiece,
    leaked: Leak[],
    first: AlignedTranslation,
    ctx: {
      core: string;
      from: Lang;
      to: Lang;
      retry: { translator: ApertiumTranslator; aligned: () => Promise<AlignedTranslation> } | undefined;
    },
  ): Promise<{ text: string; marked: boolean }> {
    const detector = this.options.detector!;
    // A word a transfer rule inserted comes from no source word: a pivot's word there is dropped.
    if (piece.sources.length === 0) return { text: withoutWords(piece.text, leaked), marked: false };
    const clean = async (text: string) =>
      text.trim() !== "" && (await detector.find(text, ctx.core, ctx.from, ctx.to)).length === 0;
    const source = sourceOf(piece, leaked, first);
    if (ctx.retry) {
      // The other pivot in context, where it aligns the same source words, keeps agreement and inflection...
      const alt = await ctx.retry.aligned();
      const same = alt.pieces.filter((p) => sameSources(p.sources, piece.sources));
      const inContext = same.map((p) => p.text.trim()).join(" ");
      if (same.length > 0 && (await clean(inContext))) return { text: keepCase(piece.text, inContext), marked: false };
      // ...else the source words alone through it.
      const [alone = ""] = await ctx.retry.translator.translate([source], ctx.from, ctx.to);
      if (await clean(alone)) return { text: keepCase(piece.text, alone), marked: false };
    }
    return { text: keepCase(piece.text, source), marked: true };
  }
}

/**
 * The source words behind a leaked piece. A rule may have merged a function word into it ("la pérennité" →
 * "perennitat"): when the piece is only the leaked word, the one source word it resembles is enough.
 */
function sourceOf(piece: AlignedPiece, leaked: readonly Leak[], first: AlignedTranslation): string {
  const words = piece.sources.map((s) => first.words[s]?.text ?? "").filter(Boolean);
  const only = leaked.length === 1 && piece.text.trim() === leaked[0]!.word;
  if (!only || words.length < 2) return words.join(" ");
  const scored = words.map((w) => ({ w, score: similarity(w, leaked[0]!.word) }));
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

function leaksByPiece(pieces: readonly AlignedPiece[], leaks: readonly Leak[]): Map<number, Leak[]> {
  const out = new Map<number, Leak[]>();
  let at = 0;
  pieces.forEach((p, i) => {
    const end = at + p.text.length;
    const inside = leaks.filter((l) => l.start >= at && l.end <= end);
    if (inside.length)
      out.set(
        i,
        inside.map((l) => ({ ...l, start: l.start - at, end: l.end - at })),
      );
    at = end;
  });
  return out;
}

function sameSources(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function withoutWords(text: string, leaks: readonly Leak[]): string {
  let out = text;
  for (const l of [...leaks].sort((x, y) => y.start - x.start)) out = out.slice(0, l.start) + out.slice(l.end);
  return out.replace(/\s{2,}/g, " ");
}

/** The replacement takes the capital of what it replaces (a sentence start). */
function keepCase(original: string, replacement: string): string {
  const lead = /^\s*/.exec(original)?.[0] ?? "";
  const trail = /\s*$/.exec(original)?.[0] ?? "";
  let text = replacement.trim();
  if (/^\p{Lu}/u.test(original.trim()) && /^\p{Ll}/u.test(text)) text = text[0]!.toUpperCase() + text.slice(1);
  return `${lead}${text}${trail}`;
}

/** Joins pieces; source words kept for want of a translation are bracketed, neighbours in one pair of brackets. */
function joinMarks(pieces: readonly { text: string; marked: boolean }[]): string {
  let out = "";
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (!p.marked) {
      out += p.text;
      continue;
    }
    // Extend the run over blank pieces to the next marked piece.
    let j = i;
    for (let k = i + 1; k < pieces.length; k++) {
      const q = pieces[k]!;
      if (q.marked) j = k;
      else if (q.text.trim() !== "") break;
    }
    const run = pieces
      .slice(i, j + 1)
      .map((q) => q.text)
      .join("");
    const lead = /^\s*/.exec(run)?.[0] ?? "";
    const trail = /\s*$/.exec(run)?.[0] ?? "";
    out += `${lead}[${run.trim()}]${trail}`;
    i = j;
  }
  return out;
}
