import type { Lang } from "../../core/domain/language.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import type { Translator, TranslatorStatus } from "../../core/ports/translator.port.js";
import { type ApertiumTranslator, type Direction, framed, tidy } from "./apertium-translator.js";
import type { LeakDetector } from "./leak-detector.js";
import { repairLeaks } from "./leak-repair.js";
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
    // The plain pipeline keeps Apertium's multiword units ("take place", "more than"), which word-bound blanks
    // around every word would break: the aligned run only serves to trace leaked words back to the source.
    const [plain = ""] = await route.main.translate([core], from, to);
    const leaks = await detector.find(plain, core, from, to);
    if (leaks.length === 0) return plain;
    const once = <T>(f: () => Promise<T>) => {
      let p: Promise<T> | undefined;
      return () => {
        p ??= f();
        return p;
      };
    };
    const { text, repairs } = await repairLeaks(plain, leaks, {
      core,
      from,
      to,
      detector,
      aligned: once(() => route.main.translateAligned(core, from, to)),
      retry: route.alt
        ? { translator: route.alt, aligned: once(() => route.alt!.translateAligned(core, from, to)) }
        : undefined,
    });
    this.logger.debug("leaked words repaired", {
      repairs: repairs.map((r) => `${r.leak.word} (${r.leak.kind}) → ${r.outcome}: ${r.text}`),
    });
    return tidy(core, text);
  }
}
