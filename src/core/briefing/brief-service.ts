import type { Brief, BriefPart, DroppedPoint, FactCheck, FactFinding, Provenance } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import { LANG_NAMES, LANGS } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { BriefEngine, EngineBrief } from "../ports/brief-engine.port.js";
import type { BriefRejectionStore } from "../ports/brief-rejection-store.port.js";
import type { Clock } from "../ports/clock.port.js";
import { systemClock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { BriefKey, ReleaseStore } from "../ports/release-store.port.js";
import type { Evidence, TrustTools } from "../trust/evidence.js";
import type { CircuitBreakerLike } from "./circuit-breaker-like.js";
import { checkPart, releaseEvidence } from "./fact-guard.js";
import { type BriefVerdict, judgeBrief, rejectedLanguages, verdictFindings } from "./salvage.js";

export interface BriefServiceDeps {
  store: ReleaseStore;
  /** The engine to use when it works (the LLM), or the offline engine alone. */
  primary: BriefEngine;
  /** The floor: used when the primary fails, is skipped, or invents a fact twice in a language. */
  offline: BriefEngine;
  breaker?: CircuitBreakerLike | undefined;
  /** Glossary and bilingual lexicon for the fact guard. */
  tools?: TrustTools | undefined;
  /** Remembers rejected model briefs: without it a rejected release is sent to the model again next time. */
  rejections?: BriefRejectionStore | undefined;
  logger?: Logger;
  clock?: Clock;
}

export interface BriefResult {
  brief: Brief;
  /** true when the stored brief was reused: no engine ran. */
  cached: boolean;
}

/** What the model's attempts gave, language by language, once judged. */
interface ModelOutcome {
  parts: Partial<Record<Lang, BriefPart>>;
  provenance: Partial<Record<Lang, Provenance>>;
  dropped: DroppedPoint[];
  /** Findings that made a language fall back (not shown). */
  rejected: FactFinding[];
  usage: EngineBrief["usage"];
  attempts: number;
}

/**
 * Brief of a release: from the cache when the same content was briefed by the same engine and prompt version,
 * otherwise from the primary engine, fact-checked unit by unit. A key point with an untraceable fact is dropped
 * and the brief kept (labelled); a failing headline or summary costs one retry with the findings, then that
 * language alone comes from the offline engine. A release whose model brief was rejected in both languages is
 * remembered, so asking again costs no model request.
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
    if (pending !== undefined) return pending;
    const work = this.briefUncached(release).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async briefUncached(release: Release): Promise<BriefResult> {
    const { primary, offline, breaker, rejections } = this.deps;
    const cachedPrimary = await this.cached(release, primary);
    if (cachedPrimary) return { brief: cachedPrimary, cached: true };

    let fallbackReason: string | undefined;
    if (primary !== offline) {
      const rejection = await rejections?.get(keyOf(release, primary));
      if (rejection) {
        fallbackReason = `the language model's brief of this release was rejected earlier: ${rejection.reason}`;
        this.logger.info("skipping the language model: its brief of this release was rejected before", {
          releaseId: release.id,
          rejectedAt: rejection.rejectedAt,
        });
      } else if (breaker && !breaker.canRequest()) {
        fallbackReason = "the language model failed repeatedly and is paused for a cool-down";
      } else {
        try {
          const evidence = releaseEvidence(release, this.deps.tools);
          const outcome = await this.fromLlm(release, primary, evidence);
          breaker?.recordSuccess();
          const failed = LANGS.filter((lang) => !outcome.parts[lang]);
          if (failed.length < LANGS.length) {
            const brief = await this.mixed(release, outcome, failed, evidence);
            await this.deps.store.saveBrief(brief);
            this.logger.info("brief written", {
              releaseId: release.id,
              engine: brief.engine,
              usage: brief.usage,
              dropped: outcome.dropped.length,
              fallbackLanguages: failed,
            });
            return { brief, cached: false };
          }
          fallbackReason = "the language model's brief carried facts not in the release, twice";
          await rejections?.save({
            key: keyOf(release, primary),
            releaseId: release.id,
            reason: fallbackReason,
            findings: outcome.rejected,
            rejectedAt: this.clock.now().toISOString(),
          });
        } catch (err) {
          breaker?.recordFailure();
          fallbackReason = `the language model is unavailable: ${reasonOf(err)}`;
        }
      }
      this.logger.warn("falling back to the offline engine", { releaseId: release.id, reason: fallbackReason });
      const cachedOffline = await this.cached(release, offline);
      if (cachedOffline) return { brief: { ...cachedOffline, fallbackReason }, cached: true };
    }
    const result = await offline.brief(release);
    const evidence = releaseEvidence(release, this.deps.tools);
    const checks = this.checkAll(result.parts, evidence);
    const brief = this.assemble(release, offline, result, checks, fallbackReason);
    await this.deps.store.saveBrief(brief);
    this.logger.info("brief written", { releaseId: release.id, engine: brief.engine, checksOk: brief.checks.ok });
    return { brief, cached: false };
  }

  private async cached(release: Release, engine: BriefEngine): Promise<Brief | undefined> {
    const hit = await this.deps.store.getBrief(keyOf(release, engine));
    if (hit) this.logger.debug("brief cache hit", { releaseId: release.id, engine: engine.id });
    return hit;
  }

  /** One request; a second only when a headline or summary failed. Each language takes its best attempt. */
  private async fromLlm(release: Release, engine: BriefEngine, evidence: Evidence): Promise<ModelOutcome> {
    const first = await engine.brief(release);
    const attempts: { result: EngineBrief; verdict: BriefVerdict }[] = [
      { result: first, verdict: judgeBrief(first.parts, evidence) },
    ];
    const firstVerdict = attempts[0]?.verdict as BriefVerdict;
    if (rejectedLanguages(firstVerdict).length > 0) {
      const findings = verdictFindings(firstVerdict);
      this.logger.warn("fact guard rejected the model's brief; retrying once", { releaseId: release.id, findings });
      const second = await engine.brief(release, findings);
      const verdict = judgeBrief(second.parts, evidence);
      if (rejectedLanguages(verdict).length > 0) {
        this.logger.warn("fact guard rejected the retry", {
          releaseId: release.id,
          findings: verdictFindings(verdict),
        });
      }
      // The retry first: it was written knowing what the first attempt got wrong.
      attempts.unshift({ result: second, verdict });
    }
    const out: ModelOutcome = {
      parts: {},
      provenance: {},
      dropped: [],
      rejected: [],
      usage: attempts.map((a) => a.result.usage).reduce(addUsage, null),
      attempts: attempts.length,
    };
    for (const lang of LANGS) {
      const pick = attempts.find((a) => a.verdict[lang].part);
      const v = pick?.verdict[lang];
      if (pick && v?.part) {
        out.parts[lang] = v.part;
        out.dropped.push(...v.dropped);
        const p = pick.result.provenance[lang];
        const n = v.dropped.length;
        out.provenance[lang] =
          n > 0 ? { ...p, label: `${p.label} (${n} key point${n > 1 ? "s" : ""} removed by the fact check)` } : p;
      } else {
        out.rejected.push(...(attempts[0]?.verdict[lang].rejected ?? []));
      }
    }
    return out;
  }

  /** The model's languages that passed, the offline engine's for those that did not. */
  private async mixed(release: Release, outcome: ModelOutcome, failed: Lang[], evidence: Evidence): Promise<Brief> {
    const parts = { ...outcome.parts };
    const provenance = { ...outcome.provenance };
    let fallbackReason: string | undefined;
    if (failed.length > 0) {
      const stored = await this.cached(release, this.deps.offline);
      const offline: Pick<EngineBrief, "parts" | "provenance"> = stored
        ? { parts: { en: stored.en, fr: stored.fr }, provenance: stored.provenance }
        : await this.deps.offline.brief(release);
      for (const lang of failed) {
        parts[lang] = offline.parts[lang];
        provenance[lang] = offline.provenance[lang];
      }
      fallbackReason = `the language model's ${failed.map((l) => LANG_NAMES[l]).join(" and ")} brief carried facts not in the release, twice: that language comes from the offline engine`;
    }
    const full = parts as Record<Lang, BriefPart>;
    const shown = this.checkAll(
      Object.fromEntries(failed.map((l) => [l, full[l]])) as Partial<Record<Lang, BriefPart>>,
      evidence,
    );
    const checks: FactCheck = {
      ...shown,
      dropped: outcome.dropped.length > 0 ? outcome.dropped : undefined,
      attempts: outcome.attempts,
    };
    return this.assemble(
      release,
      this.deps.primary,
      { parts: full, provenance: provenance as Record<Lang, Provenance>, usage: outcome.usage },
      checks,
      fallbackReason,
    );
  }

  private checkAll(parts: Partial<Record<Lang, BriefPart>>, evidence: Evidence): FactCheck {
    const findings = LANGS.flatMap((lang) => {
      const part = parts[lang];
      return part ? checkPart(part, lang, evidence).flatMap((u) => u.findings) : [];
    });
    return { ok: findings.length === 0, checkedAt: this.clock.now().toISOString(), findings };
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

function keyOf(release: Release, engine: BriefEngine): BriefKey {
  return { contentHash: release.contentHash, engine: engine.id, promptVersion: engine.promptVersion };
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
