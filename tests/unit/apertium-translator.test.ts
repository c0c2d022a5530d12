import { afterAll, describe, expect, it } from "vitest";
import { escapeStream, unescapeStream } from "../../src/infra/offline/apertium-stream.js";
import { ApertiumTranslator } from "../../src/infra/offline/apertium-translator.js";

// Real Apertium: these tests skip only when the Debian packages are missing, and say so.
const probe = new ApertiumTranslator();
const status = await probe.status("fr", "en");
const reverse = await probe.status("en", "fr");
const installed = status.available && reverse.available;
if (!installed) {
  console.warn(
    `Skipping Apertium tests: ${status.available ? "" : status.reason} ${reverse.available ? "" : reverse.reason}`,
  );
}

describe("stream format", () => {
  it("escapes every character the Apertium stream format treats as syntax", () => {
    expect(escapeStream("a[b]^c$@/<>{}\\")).toBe("a\\[b\\]\\^c\\$\\@\\/\\<\\>\\{\\}\\\\");
  });

  it("undoes escapes and drops superblanks", () => {
    expect(unescapeStream("I hail the world.[][\\n]")).toBe("I hail the world.");
    expect(unescapeStream("a \\[x\\] [[t:b:1]]word[[/]] \\\\ z")).toBe("a [x] word \\ z");
  });
});

describe("ApertiumTranslator without Apertium", () => {
  it("reports what is missing and refuses to translate", async () => {
    const t = new ApertiumTranslator({ modesDir: "/nonexistent/apertium/modes" });
    const s = await t.status("fr", "en");
    expect(s.available).toBe(false);
    if (s.available) return;
    expect(s.reason).toContain("/nonexistent/apertium/modes/fr-es.mode");
    expect(s.reason).toContain("/nonexistent/apertium/modes/spa-eng.mode");
    expect(s.reason).toContain("apt-get install apertium apertium-fr-es apertium-eng-spa");
    await expect(t.translate(["Bonjour."], "fr", "en")).rejects.toThrow(s.reason);
    await t.close();
  });

  it("passes text through unchanged when both languages are the same", async () => {
    const t = new ApertiumTranslator({ modesDir: "/nonexistent" });
    expect(await t.translate(["Hello."], "en", "en")).toEqual(["Hello."]);
  });
});

describe.skipIf(!installed)("ApertiumTranslator with Apertium", () => {
  const t = new ApertiumTranslator();
  afterAll(() => t.close());

  it("names the pipeline it runs", () => {
    expect(status).toEqual({ available: true, pipeline: "apertium fr-es | spa-eng" });
    expect(reverse).toEqual({ available: true, pipeline: "apertium eng-spa | es-fr" });
  });

  it("translates French to English", async () => {
    const [out] = await t.translate(["Le secrétaire général a signé des contrats avec l'industrie."], "fr", "en");
    expect(out?.toLowerCase()).toContain("secretary");
    expect(out?.toLowerCase()).toContain("signed");
  });

  it("translates English to French", async () => {
    const [out] = await t.translate(["The Agency signed contracts with industry."], "en", "fr");
    expect(out?.toLowerCase()).toContain("contrats");
    expect(out?.toLowerCase()).toContain("signé");
  });

  it("keeps the order of many segments in one call", async () => {
    const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"];
    const out = await t.translate(
      months.map((m) => `La réunion aura lieu en ${m}.`),
      "fr",
      "en",
    );
    const expected = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"];
    expect(out).toHaveLength(10);
    out.forEach((line, i) => {
      expect(line).toContain(expected[i]);
    });
  });

  it("serves concurrent callers in order", async () => {
    const numbers = Array.from({ length: 12 }, (_, i) => i + 1);
    const results = await Promise.all(
      numbers.map((n) => t.translate([`Il y a ${n} navires.`, `Les Alliés ont ${n * 100} avions.`], "fr", "en")),
    );
    results.forEach((pair, i) => {
      const n = numbers[i] ?? 0;
      expect(pair[0]).toContain(`${n} `);
      expect(pair[1]).toContain(`${n * 100} `);
    });
  });

  it("carries stream-format special characters through", async () => {
    const [out] = await t.translate(["Le code [Q1] ^Q2$ @Q3 /Q4 <Q5> {Q6} \\Q7 est prêt."], "fr", "en");
    for (const piece of ["[Q1]", "^Q2$", "@Q3", "/Q4", "<Q5>", "{Q6}", "\\Q7"]) expect(out).toContain(piece);
  });

  it("returns empty and blank segments as they are, and keeps surrounding whitespace", async () => {
    const out = await t.translate(["", "   ", "\n", " Bonjour le monde. "], "fr", "en");
    expect(out.slice(0, 3)).toEqual(["", "   ", "\n"]);
    expect(out[3]).toMatch(/^ \S.*world\. $/);
  });

  it("keeps the capital of a sentence's first word, which the pivot can lose", async () => {
    const [out] = await t.translate(["Russia remains the most significant and direct threat."], "en", "fr");
    expect(out).toMatch(/^La Russie/);
  });

  it("keeps line breaks inside a segment", async () => {
    const [out] = await t.translate(["Première ligne.\nDeuxième ligne.\n\nTroisième ligne."], "fr", "en");
    expect(out).toBe("First line.\nSecond line.\n\nThird line.");
  });

  it("restarts the pipeline after its process is killed", async () => {
    await t.translate(["Bonjour."], "fr", "en");
    const pids = t.processIds();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(-pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [out] = await t.translate(["Bonjour le monde."], "fr", "en");
    expect(out).toContain("world");
    expect(t.processIds().some((pid) => !pids.includes(pid))).toBe(true);
  });

  it("rejects pending requests with the pipeline's name when the process dies mid-flight", async () => {
    const u = new ApertiumTranslator();
    await u.translate(["Bonjour."], "fr", "en");
    const pending = u.translate(["Bonjour le monde."], "fr", "en");
    for (const pid of u.processIds()) process.kill(-pid, "SIGKILL");
    await expect(pending).rejects.toThrow(/apertium fr-es \| spa-eng exited/);
    expect(await u.translate(["Bonjour le monde."], "fr", "en")).toEqual([expect.stringContaining("world")]);
    await u.close();
  });

  it("times out, kills the pipeline and starts a new one on the next call", async () => {
    const slow = new ApertiumTranslator({ timeoutMs: 1 });
    await expect(slow.translate(["Bonjour le monde."], "fr", "en")).rejects.toThrow(
      /apertium fr-es \| spa-eng gave no answer within 1 ms/,
    );
    expect(slow.processIds()).toEqual([]);
    await slow.close();
  });

  it("closes its processes", async () => {
    const u = new ApertiumTranslator();
    await u.translate(["Hello."], "en", "fr");
    expect(u.processIds()).toHaveLength(1);
    await u.close();
    expect(u.processIds()).toEqual([]);
  });
});
