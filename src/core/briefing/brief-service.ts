import type { Brief, FactCheck } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { BriefEngine, EngineBrief } from "../ports/brief-engine.port.js";
import type { Clock } from "../ports/clock.port.js";
import { systemClock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import type { CircuitBreakerLike } from "./circuit-breaker-like.js";
import { checkFacts, type TermEquivalents } from "./fact-guard.js";

export interface BriefServiceDeps {
  store: ReleaseStore;
  /** The engine to use when it works (the LLM), or the offline engine alone. */
  primary: BriefEngine;
  /** The floor: used when the primary fails, is skipped, or invents a fact twice. */
  offline: BriefEngine;
  breaker?: CircuitBreakerLike | undefined;
  equivalents?: TermEquivalents | undefined;
  logger?: Logger;
  clock?: Clock;
}

export interface BriefResult {
  brief: Brief;
  /** true when the stored brief was reused: no engine ran. */
  cached: boolean;
}

/**
 * Brief of a release: from the cache when the same content was briefed by the same engine and prompt version,
 * otherwise from the primary engine, fact-checked, retried once with the findings, then the offline engine.
 */
export class BriefService {
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly inFlight = new Map<string, Promise<BriefResult>>();

  constructor(private readonly deps: BriefServiceDeps) {
    this.logger = deps.logger ?? silentLogger;
    this.clock = deps.clock ?? systemClock;
  }

  /** Engine used for new briefs right now (the offline one while the LLM's circuit is open). */
  get engineId(): string {
    return this.deps.primary.id;
  }

  async brief(release: Release): Promise<BriefResult> {
    // Two requests for the same new release (a digest and a slash command) share one engine call.
    const key = release.contentHash;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const work = this.briefUncached(release).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async briefUncached(release: Release): Promise<BriefResult> {
    const { store, primary, offline, breaker } = this.deps;
    const cachedPrimary = this.cached(release, primary);
    if (cachedPrimary) return { brief: cachedPrimary, cached: true };

    let fallbackReason: string | undefined;
    if (primary !== offline) {
      if (breaker && !breaker.canRequest()) {
        fallbackReason = "the language model failed repeatedly and is paused for a cool-down";
      } else {
        try {
          const brief = await this.fromLlm(release, primary);
          breaker?.recordSuccess();
          if (brief) {
            store.saveBrief(brief);
            this.logger.info("brief written", { releaseId: release.id, engine: brief.engine, usage: brief.usage });
            return { brief, cached: false };
          }
          fallbackReason = "the language model's brief carried facts not in the release, twice";
        } catch (err) {
          breaker?.recordFailure();
          fallbackReason = `the language model is unavailable: ${reasonOf(err)}`;
        }
      }
      this.logger.warn("falling back to the offline engine", { releaseId: release.id, reason: fallbackReason });
      const cachedOffline = this.cached(release, offline);
      if (cachedOffline) return { brief: { ...cachedOffline, fallbackReason }, cached: true };
    }
    const result = await offline.brief(release);
    const brief = this.assemble(release, offline, result, this.check(release, result), fallbackReason);
    store.saveBrief(brief);
    this.logger.info("brief written", { releaseId: release.id, engine: brief.engine, checksOk: brief.checks.ok });
    return { brief, cached: false };
  }

  private cached(release: Release, engine: BriefEngine): Brief | undefined {
    const hit = this.deps.store.getBrief({
      contentHash: release.contentHash,
      engine: engine.id,
      promptVersion: engine.promptVersion,
    });
    if (hit) this.logger.debug("brief cache hit", { releaseId: release.id, engine: engine.id });
    return hit;
  }

  /** undefined when both attempts invented facts. */
  private async fromLlm(release: Release, engine: BriefEngine): Promise<Brief | undefined> {
    const first = await engine.brief(release);
    const firstCheck = this.check(release, first);
    if (firstCheck.ok) return this.assemble(release, engine, first, firstCheck);
    this.logger.warn("fact guard rejected the model's brief; retrying once", {
      releaseId: release.id,
      findings: firstCheck.findings,
    });
    const second = await engine.brief(release, firstCheck.findings);
    const secondCheck = this.check(release, second);
    if (!secondCheck.ok) {
      this.logger.warn("fact guard rejected the retry", { releaseId: release.id, findings: secondCheck.findings });
      return undefined;
    }
    return this.assemble(release, engine, { ...second, usage: addUsage(first.usage, second.usage) }, secondCheck);
  }

  private check(release: Release, result: EngineBrief): FactCheck {
    return checkFacts(result.parts, release, { equivalents: this.deps.equivalents, now: () => this.clock.now() });
  }

  private assemble(
    release: Release,
    engine: BriefEngine,
    result: EngineBrief,
    checks: FactCheck,
    fallbackReason?: string,
  ): Brief {
    const titles: Partial<Record<Lang, string>> = {};
    const urls: Partial<Record<Lang, string>> = {};
    for (const t of Object.values(release.texts)) {
      if (!t) continue;
      titles[t.lang] = t.title;
      if (t.url) urls[t.lang] = t.url;
    }
    return {
      release: { id: release.id, sourceLanguage: release.sourceLanguage, published: release.published, titles, urls },
      en: result.parts.en,
      fr: result.parts.fr,
      provenance: result.provenance,
      engine: engine.id,
      promptVersion: engine.promptVersion,
      contentHash: release.contentHash,
      usage: result.usage,
      checks,
      fallbackReason,
      createdAt: this.clock.now().toISOString(),
    };
  }
}

function reasonOf(err: unknown): string {
  if (err && typeof err === "object" && "reason" in err && typeof err.reason === "string") return err.reason;
  return err instanceof Error ? err.message : String(err);
}

function addUsage(a: EngineBrief["usage"], b: EngineBrief["usage"]): EngineBrief["usage"] {
  if (!a) return b;
  if (!b) return a;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    cachedTokens: a.cachedTokens + b.cachedTokens,
    completionTokens: a.completionTokens + b.completionTokens,
  };
}
