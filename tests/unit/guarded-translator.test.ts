import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApertiumTranslator } from "../../src/infra/offline/apertium-translator.js";
import { GuardedTranslator } from "../../src/infra/offline/guarded-translator.js";
import { LeakDetector } from "../../src/infra/offline/leak-detector.js";
import { createAnalysers } from "../../src/infra/offline/morph-analyser.js";
import { PIVOT_CHAINS } from "../../src/infra/offline/pivots.js";

// Real Apertium with both pivots and the analysers: skipped only when the Debian packages are missing, with why.
const probe = {
  es: new ApertiumTranslator({ chains: PIVOT_CHAINS.es }),
  ca: new ApertiumTranslator({ chains: PIVOT_CHAINS.ca }),
};
const statuses = await Promise.all([probe.es.status("en", "fr"), probe.ca.status("en", "fr")]);
const installed = statuses.every((s) => s.available);
if (!installed) {
  console.warn(`Skipping guarded translator tests: ${statuses.map((s) => (s.available ? "" : s.reason)).join(" ")}`);
}

const analysers = createAnalysers();
const detector = new LeakDetector(analysers);

describe.skipIf(!installed)("GuardedTranslator with Apertium", () => {
  const guarded = new GuardedTranslator({
    pivots: {
      es: new ApertiumTranslator({ chains: PIVOT_CHAINS.es }),
      ca: new ApertiumTranslator({ chains: PIVOT_CHAINS.ca }),
    },
    choice: { "en-fr": "es", "fr-en": "es" },
    detector,
  });
  afterAll(async () => {
    await guarded.close();
    await Promise.all(Object.values(analysers).map((a) => a.close()));
  });

  it("names the pipeline, its guard and the pivot it retries through", async () => {
    expect(await guarded.status("en", "fr")).toEqual({
      available: true,
      pipeline: "apertium eng-spa | es-fr + leak guard (retry via Catalan)",
    });
  });

  it("leaves no Spanish word in French: Apertium's own gaps are filled through Catalan", async () => {
    const source = "Allies strengthen deterrence on the eastern flank.";
    const [bare = ""] = await probe.es.translate([source], "en", "fr");
    // What the Spanish pivot alone gives: its es-fr dictionary lacks "disuasión" and "flanco".
    expect((await detector.find(bare, source, "en", "fr")).map((l) => l.kind)).toContain("pivot");
    const [out = ""] = await guarded.translate([source], "en", "fr");
    expect(await detector.find(out, source, "en", "fr")).toEqual([]);
    expect(out).toMatch(/dissuasion/);
    expect(out).toMatch(/flanc/);
  });

  it("keeps a source word no pivot translates in brackets, never the pivot's word", async () => {
    const [out = ""] = await guarded.translate(["La pérennité de l'Alliance est assurée."], "fr", "en");
    expect(out).toContain("[pérennité]");
    expect(out).not.toMatch(/perennidad|perennitat/);
  });

  it("takes Apertium's truncation of a word for a leak and repairs it ('Exc' for 'excellence')", async () => {
    const [out = ""] = await guarded.translate(["Les centres d'excellence se réunissent."], "fr", "en");
    expect(out).toMatch(/centres of excellence/);
    expect(out).not.toMatch(/\bExc\b/);
  });

  it("translates untouched what has no leak, segment by segment and in order", async () => {
    const out = await guarded.translate(["Le ministre a signé.", "  ", "La réunion."], "fr", "en");
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/minister/i);
    expect(out[1]).toBe("  ");
  });
});

describe.skipIf(!installed)("GuardedTranslator when a pivot is missing", () => {
  // A modes folder holding the Spanish pairs only, as on a machine without apertium-eng-cat / apertium-fra-cat.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "modes-"));
  for (const mode of [...PIVOT_CHAINS.es["en-fr"], ...PIVOT_CHAINS.es["fr-en"]]) {
    fs.copyFileSync(path.join("/usr/share/apertium/modes", `${mode}.mode`), path.join(dir, `${mode}.mode`));
  }
  const guarded = new GuardedTranslator({
    pivots: {
      es: new ApertiumTranslator({ chains: PIVOT_CHAINS.es, modesDir: dir }),
      ca: new ApertiumTranslator({ chains: PIVOT_CHAINS.ca, modesDir: dir }),
    },
    choice: { "en-fr": "ca", "fr-en": "ca" },
    detector,
  });
  afterAll(async () => {
    await guarded.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("falls back to the installed pivot, and brackets what it cannot retry", async () => {
    const status = await guarded.status("fr", "en");
    expect(status).toEqual({ available: true, pipeline: "apertium fr-es | spa-eng + leak guard" });
    const [out = ""] = await guarded.translate(["La pérennité de l'Alliance."], "fr", "en");
    expect(out).toContain("[pérennité]");
  });
});
