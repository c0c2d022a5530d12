import { LANG_NAMES, type Lang, otherLang } from "../domain/language.js";
import type { Release, ReleaseDraft, ReleaseText } from "../domain/release.js";
import { buildDraft } from "../ingest/build-draft.js";
import { canonicalizeUrl } from "../ingest/canonical-url.js";
import { contentHash } from "../ingest/content-hash.js";
import { type Clock, systemClock } from "../ports/clock.port.js";
import { type Logger, silentLogger } from "../ports/logger.port.js";
import type { ReleaseSource, SourceEntry } from "../ports/release-source.port.js";
import type { ReleaseStore, SaveOutcome } from "../ports/release-store.port.js";
import { counterpartCandidates } from "./counterpart-url.js";
import { countItems, type PollItem, type PollReport, type SourceSummary } from "./poll-report.js";

export interface SourcePollerDeps {
  sources: ReleaseSource[];
  store: ReleaseStore;
  logger?: Logger;
  clock?: Clock;
  /** Entries read per source and poll, newest first (default 50, the listing's page size). */
  maxEntries?: number;
}

/** One language version in hand: fresh from its page, or the stored text when the page answered 304. */
interface Version {
  lang: Lang;
  text: ReleaseText;
  fresh: boolean;
  published?: string | undefined;
  alternates: Partial<Record<Lang, string>>;
}

type Base = Pick<PollItem, "source" | "url">;

/**
 * Polls every source once: new releases are stored with their official counterpart, changed pages update
 * their release (the store drops its stale briefs), unchanged pages cost a 304.
 *
 * Which version is the original (`sourceLanguage`): a stored release keeps the original it has, so a release
 * never changes identity between polls. A new one takes the version NATO dated first; on the same day, or
 * without dates, the version the source listed (the NATO listing is read in English by default, so English).
 * Both texts are NATO's own (`official: true`); briefs summarise each rather than translate.
 */
export class SourcePoller {
  private readonly logger: Logger;
  private readonly clock: Clock;
  private running: Promise<PollReport> | undefined;

  constructor(private readonly deps: SourcePollerDeps) {
    this.logger = deps.logger ?? silentLogger;
    this.clock = deps.clock ?? systemClock;
  }

  get sources(): readonly ReleaseSource[] {
    return this.deps.sources;
  }

  /** One pass over every source; a call while a pass runs shares it instead of polling twice. */
  poll(): Promise<PollReport> {
    if (!this.running) this.running = this.pollAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * One page a user asked for (a URL pasted in a chat or given to `brief --url`): stored with its official
   * counterpart exactly as a polled entry would be. Errors (host not allowed, 404, no text) reach the caller.
   */
  async ingestPage(source: ReleaseSource, url: string): Promise<{ release: Release; outcome: SaveOutcome }> {
    const base: Base = { source: source.name, url };
    const existing = await this.deps.store.findByUrl(canonicalizeUrl(url));
    const item = this.log(
      existing ? await this.refresh(source, existing, base) : await this.discoverNew(source, { url }, base),
    );
    const release = item.releaseId ? await this.deps.store.getRelease(item.releaseId) : undefined;
    if (!release || item.outcome === "skipped")
      throw new Error(`${url} could not be stored: ${item.reason ?? "no release"}`);
    await this.remember(release.id, canonicalizeUrl(url), new Map());
    return { release, outcome: item.outcome };
  }

  private async pollAll(): Promise<PollReport> {
    const startedAt = this.clock.now().toISOString();
    const handled = new Map<string, string>();
    const summaries: SourceSummary[] = [];
    const items: PollItem[] = [];
    for (const source of this.deps.sources) {
      let entries: SourceEntry[];
      try {
        const discovery = await source.discover();
        entries = discovery.entries.slice(0, this.deps.maxEntries ?? 50);
        summaries.push({ name: source.name, via: discovery.via, entries: entries.length });
      } catch (err) {
        this.logger.warn("source could not be read; skipped this poll", { source: source.name, error: reasonOf(err) });
        summaries.push({ name: source.name, entries: 0, error: reasonOf(err) });
        continue;
      }
      for (const entry of entries) items.push(await this.pollEntry(source, entry, handled));
    }
    const report = { startedAt, finishedAt: this.clock.now().toISOString(), sources: summaries, items };
    const counts = countItems(items);
    this.logger.info("sources polled", { ...counts });
    return { ...report, counts };
  }

  private async pollEntry(source: ReleaseSource, entry: SourceEntry, handled: Map<string, string>): Promise<PollItem> {
    const base: Base = { source: source.name, url: entry.url };
    let item: PollItem;
    try {
      const canonical = canonicalizeUrl(entry.url);
      const done = handled.get(canonical);
      if (done)
        return this.log({ ...base, outcome: "skipped", releaseId: done, reason: "already handled in this poll" });
      const existing = await this.deps.store.findByUrl(canonical);
      item = existing ? await this.refresh(source, existing, base) : await this.discoverNew(source, entry, base);
      if (item.releaseId) await this.remember(item.releaseId, canonical, handled);
    } catch (err) {
      item = { ...base, outcome: "skipped", reason: reasonOf(err) };
    }
    return this.log(item);
  }

  private async discoverNew(source: ReleaseSource, entry: SourceEntry, base: Base): Promise<PollItem> {
    const first = await this.read(source, entry.url);
    const firstUrl = first.text.url ?? canonicalizeUrl(entry.url);
    const candidates = counterpartCandidates(firstUrl, first.lang, first.alternates);
    // NATO may have listed the other language first: that release is this one's home.
    for (const candidate of candidates) {
      const known = await this.findStored(candidate);
      if (known && !known.texts[first.lang]) return this.refresh(source, known, base, first);
    }
    const pair = await this.findCounterpart(source, candidates, otherLang(first.lang));
    const other = pair.version;
    const [original, counterpart] = other && isEarlier(other, first) ? [other, first] : [first, other];
    const draft = assemble(original, counterpart, original.text.url ?? firstUrl);
    const { release, outcome } = await this.deps.store.saveRelease(draft);
    await this.deps.store.linkUrl(release.id, canonicalizeUrl(entry.url), first.lang);
    const paired = counterpart?.text.url ? { lang: counterpart.lang, url: counterpart.text.url } : undefined;
    return { ...this.describe(base, release), outcome, paired, reason: pair.note };
  }

  /** A stored release: its pages are asked "changed since?"; a missing counterpart is looked for again. */
  private async refresh(source: ReleaseSource, release: Release, base: Base, fresh?: Version): Promise<PollItem> {
    const lang = release.sourceLanguage;
    const cpLang = otherLang(lang);
    const stored = release.texts[lang];
    const storedCp = release.texts[cpLang];
    const url = stored?.url ?? release.canonicalUrl;
    if (!url) throw new Error(`release ${release.id} has no page URL to poll`);
    const original = fresh?.lang === lang ? fresh : await this.read(source, url, stored);
    if (original.lang !== lang) {
      throw new Error(`${url} now reads as ${LANG_NAMES[original.lang]}, not ${LANG_NAMES[lang]}; kept as stored`);
    }
    let counterpart: Version | undefined = fresh?.lang === cpLang ? fresh : undefined;
    let note: string | undefined;
    if (!counterpart && storedCp) {
      const kept: Version = { lang: cpLang, text: storedCp, fresh: false, alternates: {} };
      try {
        counterpart = storedCp.url ? await this.read(source, storedCp.url, storedCp) : kept;
        if (counterpart.lang !== cpLang) throw new Error(`it now reads as ${LANG_NAMES[counterpart.lang]}`);
      } catch (err) {
        note = `kept the stored ${LANG_NAMES[cpLang]} text: ${reasonOf(err)}`;
        counterpart = kept;
      }
    } else if (!counterpart) {
      const pair = await this.findCounterpart(source, counterpartCandidates(url, lang, original.alternates), cpLang);
      counterpart = pair.version;
      note = pair.note;
    }
    if (!original.fresh && !counterpart?.fresh) {
      return { ...this.describe(base, release), outcome: "unchanged", reason: note ?? "not modified (304)" };
    }
    const draft = assemble(original, counterpart, release.canonicalUrl ?? url, release.published);
    const saved = await this.deps.store.saveRelease(draft);
    const paired = !storedCp && counterpart?.text.url ? { lang: cpLang, url: counterpart.text.url } : undefined;
    const reason = note ?? (saved.outcome === "unchanged" ? "same content" : undefined);
    return { ...this.describe(base, saved.release), outcome: saved.outcome, paired, reason };
  }

  /** The first candidate that answers with a text in `lang`; otherwise why none did. */
  private async findCounterpart(
    source: ReleaseSource,
    candidates: string[],
    lang: Lang,
  ): Promise<{ version?: Version; note?: string }> {
    const name = LANG_NAMES[lang];
    if (candidates.length === 0) return { note: `no ${name} version linked (no hreflang, no /en/ or /fr/ in the URL)` };
    const notes: string[] = [];
    for (const candidate of candidates) {
      try {
        const version = await this.read(source, candidate);
        if (version.lang === lang) return { version };
        notes.push(`${candidate} is in ${LANG_NAMES[version.lang]}, not ${name}`);
      } catch (err) {
        notes.push(statusOf(err) === 404 ? `no ${name} version yet at ${candidate}` : `${candidate}: ${reasonOf(err)}`);
      }
    }
    return { note: notes.join("; ") };
  }

  private async read(source: ReleaseSource, url: string, stored?: ReleaseText): Promise<Version> {
    const result = await source.fetchPage(url, { conditional: stored !== undefined });
    if (result.status === "not-modified") {
      if (!stored) throw new Error(`${url} answered 304 Not Modified, but none of its text is stored`);
      return { lang: stored.lang, text: stored, fresh: false, alternates: {} };
    }
    const { page } = result;
    const draft = buildDraft({
      title: page.title,
      paragraphs: page.paragraphs,
      published: page.published,
      url: page.url,
      langHint: page.langHint,
    });
    const text = draft.texts[draft.sourceLanguage];
    if (!text) throw new Error(`no ${draft.sourceLanguage} text built from ${url}`);
    return { lang: draft.sourceLanguage, text, fresh: true, published: draft.published, alternates: page.alternates };
  }

  private async findStored(url: string): Promise<Release | undefined> {
    try {
      return await this.deps.store.findByUrl(canonicalizeUrl(url));
    } catch {
      return undefined;
    }
  }

  /** Every URL of the release finds it again: in this poll (no second fetch) and in the store (release_urls). */
  private async remember(releaseId: string, entryUrl: string, handled: Map<string, string>): Promise<void> {
    handled.set(entryUrl, releaseId);
    const release = await this.deps.store.getRelease(releaseId);
    for (const text of Object.values(release?.texts ?? {})) {
      if (!text?.url) continue;
      handled.set(text.url, releaseId);
      await this.deps.store.linkUrl(releaseId, text.url, text.lang);
    }
  }

  private describe(base: Base, release: Release): PollItem {
    return {
      ...base,
      outcome: "unchanged",
      releaseId: release.id,
      title: release.texts[release.sourceLanguage]?.title,
      sourceLanguage: release.sourceLanguage,
      languages: Object.keys(release.texts).filter((l): l is Lang => l === "en" || l === "fr"),
    };
  }

  private log(item: PollItem): PollItem {
    const fields = { source: item.source, url: item.url, releaseId: item.releaseId, paired: item.paired?.url };
    if (item.outcome === "skipped") this.logger.warn("source entry skipped", { ...fields, reason: item.reason });
    else this.logger.info(`source entry ${item.outcome}`, { ...fields, reason: item.reason });
    return item;
  }
}

function assemble(original: Version, counterpart: Version | undefined, canonicalUrl: string, published?: string) {
  const texts: ReleaseDraft["texts"] = { [original.lang]: { ...original.text, official: true } };
  if (counterpart) texts[counterpart.lang] = { ...counterpart.text, official: true };
  const date = original.published ?? published ?? counterpart?.published;
  const draft: ReleaseDraft = { canonicalUrl, contentHash: contentHash(texts), sourceLanguage: original.lang, texts };
  if (date) draft.published = date;
  return draft;
}

function isEarlier(a: Version, b: Version): boolean {
  return a.published !== undefined && b.published !== undefined && a.published < b.published;
}

function statusOf(err: unknown): number | undefined {
  return err && typeof err === "object" && "status" in err && typeof err.status === "number" ? err.status : undefined;
}

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0] ?? message;
}
