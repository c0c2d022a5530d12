import type { BriefService } from "../briefing/brief-service.js";
import type { Brief } from "../domain/brief.js";
import type { Release } from "../domain/release.js";
import { langsOf, type Subscription } from "../domain/subscription.js";
import type { Clock } from "../ports/clock.port.js";
import { systemClock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import { fold } from "../text/fold.js";
import { escapeRegExp } from "../text/regexp.js";
import { splitSentences } from "../text/sentences.js";
import type { Digest, DigestItem } from "./digest.js";

export interface DigestBuilderDeps {
  store: ReleaseStore;
  briefs: BriefService;
  clock?: Clock;
  logger?: Logger;
  /** Items per digest; the rest are counted in `omitted`. */
  maxItems?: number;
}

export interface DigestRequest {
  period: string;
  scheduledFor: Date;
  /** Releases stored at or after `since` and before `until`. */
  since: Date;
  until: Date;
  delayed: boolean;
}

/**
 * A release stored in the window counts as news unless NATO published it more than this many days before the
 * window opened: a late poll or a page pasted by hand a few days on is still news to the subscriber, an archive
 * imported today is not. Undated releases count from the day they were stored.
 */
export const BACKDATED_DAYS = 7;
interface BuiltItems {
  items: DigestItem[];
  omitted: number;
  backdated: number;
}

const SCAN_LIMIT = 1000;
const REUSE_MS = 60_000;

/**
 * Builds the digest of one subscription: the releases that reached the store in its window (by a poll or by
 * hand), matching its topics, newest first, each with a headline and one sentence per language; back-dated
 * ones (see BACKDATED_DAYS) are left out and counted. Briefs come from BriefService, so a release
 * is briefed once however many subscriptions include it.
 */
export class DigestBuilder {
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** Items of recent builds by (window, topics, languages): 500 channels on one schedule build once. */
  private readonly recent = new Map<string, { at: number; built: Promise<BuiltItems> }>();

  constructor(private readonly deps: DigestBuilderDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
  }

  /**
   * Releases first stored in [since, until) matching the topics, newest first, without the back-dated ones
   * (published more than BACKDATED_DAYS before `since`), which are only counted.
   */
  async releasesFor(
    sub: Pick<Subscription, "topics">,
    since: Date,
    until: Date,
  ): Promise<{ releases: Release[]; backdated: number }> {
    const stored = await this.deps.store.listReleases({ storedSince: since.toISOString(), limit: SCAN_LIMIT });
    const horizon = new Date(since.getTime() - BACKDATED_DAYS * 24 * 3600_000).toISOString().slice(0, 10);
    const to = until.getTime();
    const matcher = topicMatcher(sub.topics);
    const releases: Release[] = [];
    let backdated = 0;
    for (const r of stored) {
      if (Date.parse(r.createdAt) >= to || !matcher(r)) continue;
      if (r.published && r.published < horizon) backdated++;
      else releases.push(r);
    }
    return { releases, backdated };
  }

  async build(sub: Subscription, request: DigestRequest): Promise<Digest> {
    const languages = langsOf(sub.languages);
    const { items, omitted, backdated } = await this.itemsFor(sub, languages, request.since, request.until);
    this.logger.debug("digest built", { subscriptionId: sub.id, period: request.period, items: items.length });
    return {
      subscriptionId: sub.id,
      target: sub.target,
      period: request.period,
      languages,
      topics: sub.topics,
      window: { since: request.since.toISOString(), until: request.until.toISOString() },
      scheduledFor: request.scheduledFor.toISOString(),
      timezone: sub.timezone,
      delayed: request.delayed,
      items,
      omitted,
      backdated,
      generatedAt: this.clock.now().toISOString(),
    };
  }

  /** A window that ended in the past only changes if a release is re-ingested: a minute of reuse is safe. */
  private itemsFor(sub: Subscription, languages: Digest["languages"], since: Date, until: Date): Promise<BuiltItems> {
    const now = this.clock.now().getTime();
    const key = JSON.stringify([since.getTime(), until.getTime(), [...sub.topics].sort(), languages]);
    const hit = this.recent.get(key);
    if (hit && now - hit.at < REUSE_MS && until.getTime() <= hit.at) return hit.built;
    const built = this.buildItems(sub, languages, since, until);
    if (this.recent.size >= 256) this.recent.clear();
    this.recent.set(key, { at: now, built });
    built.catch(() => this.recent.delete(key));
    return built;
  }

  private async buildItems(
    sub: Subscription,
    languages: Digest["languages"],
    since: Date,
    until: Date,
  ): Promise<BuiltItems> {
    const { releases, backdated } = await this.releasesFor(sub, since, until);
    const max = this.deps.maxItems ?? 25;
    const items: DigestItem[] = [];
    for (const release of releases.slice(0, max)) {
      const { brief } = await this.deps.briefs.brief(release);
      items.push(itemOf(brief, languages));
    }
    return { items, omitted: Math.max(0, releases.length - max), backdated };
  }
}

function itemOf(brief: Brief, languages: Digest["languages"]): DigestItem {
  const text: DigestItem["text"] = {};
  for (const lang of languages) {
    const part = brief[lang];
    const provenance = brief.provenance[lang];
    text[lang] = {
      headline: part.headline || brief.release.titles[lang] || brief.release.titles[brief.release.sourceLanguage] || "",
      summary: provenance.kind === "unavailable" ? "" : (splitSentences(part.summary)[0] ?? ""),
      provenance: provenance.kind,
      label: provenance.label,
    };
  }
  return { releaseId: brief.release.id, published: brief.release.published, text, links: { ...brief.release.urls } };
}

/** Any keyword, as the start of a word, in the title or body of any language; accents and case ignored. */
export function topicMatcher(topics: string[]): (release: Release) => boolean {
  const words = topics.map((t) => fold(t).trim()).filter(Boolean);
  if (words.length === 0) return () => true;
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})`, "u");
  return (release) =>
    Object.values(release.texts).some((t) => t && pattern.test(fold([t.title, ...t.paragraphs].join("\n"))));
}
