import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli.js";
import type { PollReport } from "../../src/core/sources/poll-report.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { FixtureWebServer, PATHS } from "../fakes/fixture-web-server.js";

const root = path.resolve(import.meta.dirname, "../..");
let server: FixtureWebServer;
let dir: string;
let dbFile: string;
let overrides: Record<string, string> = {};

function env(): Record<string, string> {
  const feeds = [PATHS.atom, PATHS.rss, PATHS.malformed, PATHS.xxe].map((p) => `${server.url}${p}`);
  return {
    NATO_BASE_URL: server.url,
    ALLOWED_SOURCE_HOSTS: new URL(server.url).host,
    DATABASE_URL: `sqlite:${dbFile}`,
    SOURCES_FEEDS: feeds.join(","),
    // The rate limiter's spacing is tested with an injected clock (sources-polite-fetcher.test.ts); here it would
    // only make the suite wait.
    SOURCES_MIN_INTERVAL_MS: "0",
    OFFLINE_TRANSLATION: "off",
    LOG_LEVEL: "error",
  };
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  for (const [key, value] of Object.entries({ ...env(), ...overrides })) vi.stubEnv(key, value);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  stdout.on("data", (c: Buffer) => chunks.push(c));
  stderr.on("data", (c: Buffer) => errors.push(c));
  const code = await runCli(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out: Buffer.concat(chunks).toString("utf8"), err: Buffer.concat(errors).toString("utf8") };
}

async function poll(): Promise<PollReport> {
  const { code, out } = await cli("sources", "poll", "--once", "--json");
  expect(code).toBe(0);
  return JSON.parse(out) as PollReport;
}

async function withStore<T>(use: (store: SqliteReleaseStore) => Promise<T>): Promise<T> {
  const store = new SqliteReleaseStore(openDatabase(dbFile));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const at = (p: string) => `${server.url}${p}`;

beforeAll(async () => {
  server = await FixtureWebServer.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sources-e2e-"));
  dbFile = path.join(dir, "nato-brief.db");
});

afterEach(() => {
  vi.unstubAllEnvs();
  overrides = {};
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("sources poll --once against the fixture nato.int", () => {
  it("stores each new release once, paired with its official counterpart", async () => {
    const report = await poll();
    expect(report.counts).toMatchObject({ new: 6, updated: 0, unchanged: 0, paired: 4 });
    const byUrl = (p: string) => report.items.find((i) => i.url === at(p));
    expect(byUrl(PATHS.a)).toMatchObject({
      outcome: "new",
      languages: ["en", "fr"],
      paired: { lang: "fr", url: at(PATHS.aFr) },
    });
    expect(byUrl(PATHS.b)).toMatchObject({ outcome: "new", paired: { lang: "fr", url: at(PATHS.bFr) } });
    expect(byUrl(PATHS.d)).toMatchObject({ outcome: "new", paired: { lang: "fr", url: at(PATHS.dFr) } });
    expect(byUrl(PATHS.c)).toMatchObject({
      outcome: "new",
      languages: ["en"],
      reason: expect.stringMatching(/no French version yet/),
    });
    expect(byUrl(`${PATHS.legacy}?selectedLocale=en`)).toMatchObject({
      outcome: "new",
      paired: { lang: "fr", url: at(PATHS.legacyFr) },
    });
    expect(byUrl(PATHS.forbidden)).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/HTTP 403/) });
    expect(byUrl(PATHS.huge)).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/too large/) });
    expect(byUrl(`${PATHS.a}?utm_source=newsletter`)).toMatchObject({
      outcome: "skipped",
      reason: "already handled in this poll",
    });

    const failed = Object.fromEntries(report.sources.filter((s) => s.error).map((s) => [s.name, s.error]));
    expect(failed[`feed:${at(PATHS.malformed)}`]).toMatch(/is not well-formed XML \(line \d+/);
    expect(failed[`feed:${at(PATHS.xxe)}`]).toMatch(/declares XML entities.*refused/);
    expect(JSON.stringify(report)).not.toMatch(/root:x:0|lollollol/);

    await withStore(async (store) => {
      expect(await store.countReleases()).toBe(6);
      const a = await store.findByUrl(at(PATHS.a));
      expect(a?.sourceLanguage).toBe("en");
      expect(a?.texts.en).toMatchObject({ official: true, url: at(PATHS.a) });
      expect(a?.texts.fr).toMatchObject({
        official: true,
        url: at(PATHS.aFr),
        title: expect.stringMatching(/^Les Alliés/),
      });
      // The French page finds the same release: one release, two URLs.
      expect((await store.findByUrl(at(PATHS.aFr)))?.id).toBe(a?.id);
      expect((await store.findByUrl(at(PATHS.legacyFr)))?.texts.fr?.title).toMatch(/Lituanie/);
      expect((await store.findByUrl(at(PATHS.d)))?.texts.fr?.paragraphs[0]).toMatch(/^Des navires de neuf marines/);
    });
  });

  it("stores nothing new on a second poll, asking with If-None-Match", async () => {
    const before = server.requests.length;
    const report = await poll();
    expect(report.counts).toMatchObject({ new: 0, updated: 0, unchanged: 6, paired: 0 });
    const second = server.requests.slice(before);
    const conditional = (p: string) => second.filter((r) => r.path === p).every((r) => r.headers["if-none-match"]);
    for (const p of [PATHS.listing, PATHS.a, PATHS.aFr, PATHS.b, PATHS.bFr, PATHS.legacy, PATHS.legacyFr, PATHS.atom]) {
      expect(
        second.some((r) => r.path === p),
        p,
      ).toBe(true);
      expect(conditional(p), p).toBe(true);
    }
    expect(second.filter((r) => r.status === 200).map((r) => r.path)).toEqual([]);
    // Refused and oversized pages back off instead of being asked again at once.
    expect(second.some((r) => r.path === PATHS.forbidden || r.path === PATHS.huge)).toBe(false);
    expect(report.items.find((i) => i.url === at(PATHS.forbidden))?.reason).toMatch(/backing off until/);
    await withStore(async (store) => expect(await store.countReleases()).toBe(6));
  });

  it("briefs a paired release from NATO's own texts in both languages (offline engine)", async () => {
    const id = await withStore(async (store) => (await store.findByUrl(at(PATHS.a)))?.id);
    const { code, out } = await cli("show", String(id), "--json");
    expect(code).toBe(0);
    const brief = JSON.parse(out);
    expect(brief.provenance.en).toMatchObject({ kind: "official", label: "Extract of NATO's original English text" });
    expect(brief.provenance.fr).toMatchObject({
      kind: "official",
      label: "Extrait de la traduction officielle de l'OTAN",
    });
    expect(brief.fr.headline).toMatch(/^Les Alliés conviennent/);
    expect(brief.release.urls).toEqual({ en: at(PATHS.a), fr: at(PATHS.aFr) });
  });

  it("updates a changed page in place, pairs a translation published later, and drops stale briefs", async () => {
    const id = await withStore(async (store) => (await store.findByUrl(at(PATHS.c)))?.id);
    await cli("show", String(id), "--json");
    const original = fs.readFileSync(path.join(root, "tests/fixtures/sources/current-c.en.html"), "utf8");
    server.set(PATHS.c, {
      body: original.replace("</p>\n        </div>", " It will open to partners in 2027.</p>\n        </div>"),
    });
    const frenchPage = original
      .replace('lang="en"', 'lang="fr"')
      .replace(
        /<h1[^>]*>.*<\/h1>/u,
        "<h1>L'OTAN ouvre un nouveau centre d'excellence pour le climat et la sécurité</h1>",
      )
      .replace(
        /<div class="cmp-text__background-container">[\s\S]*?<\/div>/u,
        `<div class="cmp-text__background-container"><p>Un nouveau centre d'excellence de l'OTAN pour le climat et la sécurité a été inauguré à Montréal le dimanche 5 juillet 2026, en présence du secrétaire général délégué.</p><p>Le centre aidera les Alliés à comprendre comment le changement climatique touche les opérations militaires, les infrastructures et les équipements, et il formera des experts venus de toute l'Alliance.</p></div>`,
      );
    server.set(PATHS.c.replace("/en/", "/fr/"), { body: frenchPage });

    const report = await poll();
    const item = report.items.find((i) => i.url === at(PATHS.c));
    expect(item).toMatchObject({ outcome: "updated", releaseId: id, languages: ["en", "fr"], paired: { lang: "fr" } });
    expect(report.counts).toMatchObject({ new: 0, updated: 1, paired: 1 });
    await withStore(async (store) => {
      expect(await store.countReleases()).toBe(6);
      const release = await store.getRelease(String(id));
      expect(release?.texts.en?.paragraphs.at(-1)).toMatch(/open to partners in 2027/);
      expect(await store.latestBriefFor(String(id))).toBeUndefined();
    });
  });

  it("lists the configured sources", async () => {
    const { code, out } = await cli("sources", "list");
    expect(code).toBe(0);
    expect(out).toMatch(
      /^nato\s+NATO site http:\/\/127\.0\.0\.1:\d+: listing .*general_search\.search\.json, fallback \/sitemap\.xml$/mu,
    );
    expect(out).toMatch(/^nato-legacy-rss\s+RSS\/Atom feed .*rssFeed\.xml$/mu);
    expect(out.trim().split("\n")).toHaveLength(6);
  });

  it("reads the sitemap when the listing endpoint answers garbage", async () => {
    server.set(PATHS.listing, { body: "<html>maintenance</html>", type: "application/json" });
    overrides = { SOURCES_FEEDS: "" };
    dbFile = path.join(dir, "sitemap.db");
    const report = await poll();
    const nato = report.sources.find((s) => s.name === "nato");
    expect(nato?.via).toMatch(/^sitemap \(listing failed: listing .* is not JSON/);
    expect(nato?.entries).toBe(3);
    expect(report.items.filter((i) => i.source === "nato").map((i) => i.url)).toEqual([
      at(PATHS.a),
      at(PATHS.b),
      at(PATHS.c),
    ]);
  });
});

describe("the issue's command line, as a child process", () => {
  it("NATO_BASE_URL=... npm run --silent cli -- sources poll --once prints what it did", async () => {
    dbFile = path.join(dir, "child.db");
    server.set(PATHS.listing, { file: "listing.json", type: "application/json" });
    server.delete(PATHS.c.replace("/en/", "/fr/"));
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        "npm",
        ["run", "--silent", "cli", "--", "sources", "poll", "--once"],
        { cwd: root, env: { ...process.env, ...env(), SOURCES_FEEDS: "" }, encoding: "utf8", timeout: 60_000 },
        (err, out) => resolve({ code: typeof err?.code === "number" ? err.code : err ? 1 : 0, stdout: out }),
      );
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Polled 2 source\(s\): 5 new, 0 updated, 0 unchanged, 4 paired, \d+ skipped$/mu);
    expect(stdout).toMatch(
      /^new {7}\w{10} \[en\+fr\] Allies agree to strengthen integrated air and missile defence$/mu,
    );
    expect(stdout).toMatch(/paired fr: http:\/\/127\.0\.0\.1:\d+\/fr\/news-and-events/u);
    expect(stdout).toMatch(/why: .*answered HTTP 403 Forbidden/u);
  }, 60_000);
});

describe("a URL a user pastes", () => {
  it("is stored with its official counterpart and briefed from both official texts", async () => {
    dbFile = path.join(dir, "pasted.db");
    const { code, out } = await cli("brief", "--url", at(PATHS.d), "--json");
    expect(code).toBe(0);
    const brief = JSON.parse(out);
    expect(brief.release.urls).toEqual({ en: at(PATHS.d), fr: at(PATHS.dFr) });
    expect(brief.provenance.en.kind).toBe("official");
    expect(brief.provenance.fr.kind).toBe("official");
    // The French page finds the same release: one release, not two.
    const again = await cli("ingest", "--url", at(PATHS.dFr), "--json");
    expect(JSON.parse(again.out)).toMatchObject({ id: brief.release.id });
    await withStore(async (store) => expect(await store.countReleases()).toBe(1));
  });

  it("from a host that is not allowed is refused with the reason", async () => {
    dbFile = path.join(dir, "refused.db");
    const refused = await cli("brief", "--url", `http://localhost:${new URL(server.url).port}${PATHS.d}`);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^nato-brief: .*(not allowed|allowed)/im);
    await withStore(async (store) => expect(await store.countReleases()).toBe(0));
  });
});
