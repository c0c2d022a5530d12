import { describe, expect, it } from "vitest";
import type { Brief } from "../../src/core/domain/brief.js";
import type { Lang } from "../../src/core/domain/language.js";
import type { Discovery, PageFetch, ReleaseSource, SourcePage } from "../../src/core/ports/release-source.port.js";
import { SourcePoller } from "../../src/core/sources/source-poller.js";
import { briefVariables } from "../../src/infra/llm/release-blocks.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";

const SITE = "https://www.nato.int";
const EN = `${SITE}/en/news/2026/07/07/allies-agree`;
const FR = `${SITE}/fr/news/2026/07/07/allies-agree`;

const TEXT: Record<Lang, { title: string; paragraphs: string[] }> = {
  en: {
    title: "Allies agree to strengthen air defence",
    paragraphs: [
      "NATO Defence Ministers agreed on Tuesday to strengthen the Alliance's integrated air and missile defence, with new ground-based systems to be deployed on the eastern flank.",
      "The Secretary General said the decision would protect one billion people across the Alliance, and that ministers would meet again in October to take stock.",
    ],
  },
  fr: {
    title: "Les Alliés conviennent de renforcer la défense aérienne",
    paragraphs: [
      "Les ministres de la Défense des pays de l'OTAN sont convenus mardi de renforcer la défense aérienne et antimissile intégrée de l'Alliance, avec de nouveaux systèmes déployés sur le flanc est.",
      "Le secrétaire général a déclaré que cette décision protégerait un milliard de personnes dans l'ensemble de l'Alliance, et que les ministres se réuniraient à nouveau en octobre.",
    ],
  },
};

function page(url: string, lang: Lang, published = "2026-07-07", extra = ""): SourcePage {
  const { title, paragraphs } = TEXT[lang];
  return {
    url,
    title,
    paragraphs: extra ? [...paragraphs, extra] : paragraphs,
    published,
    alternates: {},
    usedSelectors: true,
  };
}

/** A source over an in-memory site: pages answer 304 to a conditional request until they change. */
class FakeSource implements ReleaseSource {
  readonly description = "fake";
  readonly pages = new Map<string, SourcePage>();
  readonly fetched: string[] = [];
  private readonly seen = new Map<string, SourcePage>();
  entries: string[] = [EN];
  failDiscovery: Error | undefined;
  failPage = new Map<string, Error>();

  constructor(readonly name = "fake") {}

  async discover(): Promise<Discovery> {
    if (this.failDiscovery) throw this.failDiscovery;
    return { entries: this.entries.map((url) => ({ url })), via: "fake" };
  }

  async fetchPage(url: string, options: { conditional: boolean }): Promise<PageFetch> {
    this.fetched.push(`${options.conditional ? "C" : "-"} ${url}`);
    const failure = this.failPage.get(url);
    if (failure) throw failure;
    const current = this.pages.get(url);
    if (!current) throw Object.assign(new Error(`${url} answered HTTP 404 Not Found`), { status: 404 });
    if (options.conditional && this.seen.get(url) === current) return { status: "not-modified", url };
    this.seen.set(url, current);
    return { status: "fetched", page: current };
  }
}

function setup(...sources: FakeSource[]) {
  const store = new SqliteReleaseStore(openDatabase(":memory:"));
  return { store, poller: new SourcePoller({ sources, store }) };
}

const fakeBrief = (releaseId: string, contentHash: string): Brief => ({
  release: { id: releaseId, sourceLanguage: "en", titles: {}, urls: {} },
  en: { headline: "h", summary: "s", keyPoints: ["a", "b", "c"] },
  fr: { headline: "h", summary: "s", keyPoints: ["a", "b", "c"] },
  provenance: { en: { kind: "source", label: "x" }, fr: { kind: "machine-offline", label: "y" } },
  engine: "offline",
  promptVersion: "1",
  contentHash,
  usage: null,
  checks: { ok: true, checkedAt: "2026-07-07T00:00:00Z", findings: [] },
  createdAt: "2026-07-07T00:00:00Z",
});

describe("SourcePoller", () => {
  it("stores a release with its official counterpart; the listed version is the original on the same day", async () => {
    const source = new FakeSource();
    source.pages.set(EN, page(EN, "en"));
    source.pages.set(FR, page(FR, "fr"));
    const { store, poller } = setup(source);
    const report = await poller.poll();
    expect(report.items).toMatchObject([{ outcome: "new", sourceLanguage: "en", paired: { lang: "fr", url: FR } }]);
    const release = await store.findByUrl(FR);
    expect(release).toMatchObject({ canonicalUrl: EN, sourceLanguage: "en", published: "2026-07-07" });
    expect(release?.texts.fr).toMatchObject({ official: true, url: FR, title: TEXT.fr.title });
    // The LLM engine gets both official texts and nothing to translate.
    const vars = briefVariables(release!);
    expect(vars.translate_languages).toBe("none");
    expect(vars.release_texts).toContain("<<<RELEASE lang=en original=true official=true>>>");
    expect(vars.release_texts).toContain("<<<RELEASE lang=fr original=false official=true>>>");
  });

  it("takes the version NATO dated first as the original", async () => {
    const source = new FakeSource();
    source.pages.set(EN, page(EN, "en", "2026-07-07"));
    source.pages.set(FR, page(FR, "fr", "2026-07-06"));
    const { store, poller } = setup(source);
    await poller.poll();
    expect(await store.findByUrl(EN)).toMatchObject({
      canonicalUrl: FR,
      sourceLanguage: "fr",
      published: "2026-07-06",
    });
  });

  it("pairs a translation published later: the release is updated, its stale briefs dropped", async () => {
    const source = new FakeSource();
    source.pages.set(EN, page(EN, "en"));
    const { store, poller } = setup(source);
    const first = await poller.poll();
    expect(first.items[0]).toMatchObject({
      outcome: "new",
      languages: ["en"],
      reason: `no French version yet at ${FR}`,
    });
    const stored = (await store.findByUrl(EN))!;
    await store.saveBrief(fakeBrief(stored.id, stored.contentHash));

    source.pages.set(FR, page(FR, "fr"));
    const second = await poller.poll();
    expect(second.items[0]).toMatchObject({
      outcome: "updated",
      releaseId: stored.id,
      paired: { lang: "fr", url: FR },
    });
    expect(second.counts).toMatchObject({ updated: 1, paired: 1, new: 0 });
    expect(await store.latestBriefFor(stored.id)).toBeUndefined();
    expect(await store.countReleases()).toBe(1);
    expect(source.fetched.slice(-2)).toEqual([`C ${EN}`, `- ${FR}`]);

    const third = await poller.poll();
    expect(third.items[0]).toMatchObject({ outcome: "unchanged", reason: "not modified (304)" });
    expect(source.fetched.slice(-2)).toEqual([`C ${EN}`, `C ${FR}`]);
  });

  it("finds the release from either language: a French entry listed first is joined by its English page", async () => {
    const feed = new FakeSource("fr-feed");
    feed.entries = [FR];
    feed.pages.set(FR, page(FR, "fr"));
    const { store, poller } = setup(feed);
    await poller.poll();
    expect((await store.findByUrl(FR))?.sourceLanguage).toBe("fr");

    feed.entries = [EN, FR];
    feed.pages.set(EN, page(EN, "en"));
    const report = await poller.poll();
    expect(report.items.map((i) => [i.outcome, i.reason])).toEqual([
      ["updated", undefined],
      ["skipped", "already handled in this poll"],
    ]);
    expect(await store.countReleases()).toBe(1);
    expect(await store.findByUrl(EN)).toMatchObject({
      canonicalUrl: FR,
      sourceLanguage: "fr",
      texts: { en: { url: EN } },
    });
  });

  it("updates a changed original in place and keeps the stored counterpart when it cannot be read", async () => {
    const source = new FakeSource();
    source.pages.set(EN, page(EN, "en"));
    source.pages.set(FR, page(FR, "fr"));
    const { store, poller } = setup(source);
    await poller.poll();
    source.pages.set(
      EN,
      page(EN, "en", "2026-07-07", "Ministers also agreed a new training plan for air defence crews."),
    );
    source.failPage.set(FR, Object.assign(new Error(`${FR} answered HTTP 503`), { status: 503 }));
    const report = await poller.poll();
    expect(report.items[0]).toMatchObject({
      outcome: "updated",
      languages: ["en", "fr"],
      reason: `kept the stored French text: ${FR} answered HTTP 503`,
    });
    const release = (await store.findByUrl(EN))!;
    expect(release.texts.en?.paragraphs).toHaveLength(3);
    expect(release.texts.fr?.title).toBe(TEXT.fr.title);
  });

  it("does not pair a counterpart page that is not in the other language", async () => {
    const source = new FakeSource();
    source.pages.set(EN, page(EN, "en"));
    source.pages.set(FR, page(FR, "en"));
    const { store, poller } = setup(source);
    const report = await poller.poll();
    expect(report.items[0]).toMatchObject({
      outcome: "new",
      languages: ["en"],
      reason: `${FR} is in English, not French`,
    });
    expect(await store.findByUrl(FR)).toBeUndefined();
  });

  it("skips what it cannot read with the reason, keeps what it stored, and goes on with other sources", async () => {
    const broken = new FakeSource("broken");
    broken.failDiscovery = new Error("feed https://example.test/rss is not well-formed XML (line 3: oops)");
    const source = new FakeSource();
    source.entries = [EN, `${SITE}/en/news/short`, "not a url"];
    source.pages.set(EN, page(EN, "en"));
    source.pages.set(`${SITE}/en/news/short`, { ...page(EN, "en"), paragraphs: ["Too short."] });
    const { store, poller } = setup(broken, source);
    const first = await poller.poll();
    expect(first.sources).toEqual([
      { name: "broken", entries: 0, error: "feed https://example.test/rss is not well-formed XML (line 3: oops)" },
      { name: "fake", via: "fake", entries: 3 },
    ]);
    expect(first.items.map((i) => [i.outcome, i.reason?.slice(0, 40)])).toEqual([
      ["new", `no French version yet at ${FR}`.slice(0, 40)],
      ["skipped", "The release text is too short: 10 charac"],
      ["skipped", '"not a url" is not a valid URL; give a f'],
    ]);
    source.failPage.set(EN, Object.assign(new Error(`${EN} answered HTTP 403 Forbidden`), { status: 403 }));
    const second = await poller.poll();
    expect(second.items[0]).toMatchObject({ outcome: "skipped", reason: `${EN} answered HTTP 403 Forbidden` });
    expect((await store.findByUrl(EN))?.texts.en?.title).toBe(TEXT.en.title);
  });

  it("refuses a page that is not a text release, polled or pasted, and stores nothing", async () => {
    const script = `${SITE}/en/news/deploy`;
    const garbage = `${SITE}/en/news/garbage`;
    const source = new FakeSource();
    source.entries = [script, garbage];
    const lines = ['HOST="$(hostname -f)"', "set -euo pipefail", 'docker push "registry/nato:$TAG" || exit 1'];
    source.pages.set(script, { ...page(script, "en"), paragraphs: Array(12).fill(lines).flat() });
    // Binary data served as text/html: the decoder turns it into replacement characters.
    const noise = new TextDecoder().decode(Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
    source.pages.set(garbage, { ...page(garbage, "en"), paragraphs: [noise] });
    const { store, poller } = setup(source);
    const report = await poller.poll();
    expect(report.items.map((i) => [i.outcome, i.reason?.slice(0, 60)])).toEqual([
      ["skipped", expect.stringMatching(/^This does not read as English or French prose: /)],
      ["skipped", expect.stringMatching(/^This is not text \(\d+ control or undecodable/)],
    ]);
    await expect(poller.ingestPage(source, script)).rejects.toMatchObject({
      name: "IngestError",
      message: expect.stringMatching(/^This does not read as English or French prose: /),
    });
    expect(await store.countReleases()).toBe(0);
  });

  it("shares a running pass with a second caller instead of polling twice", async () => {
    const source = new FakeSource();
    source.pages.set(EN, page(EN, "en"));
    const { poller } = setup(source);
    const [a, b] = await Promise.all([poller.poll(), poller.poll()]);
    expect(a).toBe(b);
    expect(source.fetched.filter((f) => f.endsWith(EN))).toHaveLength(1);
  });
});
