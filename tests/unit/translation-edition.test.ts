/**
 * What names an offline translation's pipeline: Apertium's chain, the rules edition and the glossary's edition, so
 * a stored translation made under other rules or another glossary is known to be made again (translation-queue.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { Translator } from "../../src/core/ports/translator.port.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { PartTranslator } from "../../src/infra/offline/part-translator.js";
import { OFFLINE_RULES_EDITION, ProtectedTranslator } from "../../src/infra/qa/protected-translator.js";

const raw: Translator = {
  async status(from: Lang, to: Lang) {
    return from === to
      ? { available: true, pipeline: "identity" }
      : { available: true, pipeline: `chain ${from}-${to}` };
  },
  async translate(segments: string[]) {
    return segments;
  },
  async close() {},
};

describe("the pipeline an offline translation records", () => {
  it("changes with the glossary's content, not with where it is read from", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "glossary-"));
    const shipped = loadGlossary();
    const same = path.join(dir, "same.json");
    fs.copyFileSync(shipped.file, same);
    const changed = path.join(dir, "changed.json");
    const json = JSON.parse(fs.readFileSync(shipped.file, "utf8")) as { terms: unknown[] };
    fs.writeFileSync(changed, JSON.stringify({ ...json, terms: json.terms.slice(1) }));
    expect(shipped.edition).toMatch(/^[0-9a-f]{12}$/);
    expect(loadGlossary(same).edition).toBe(shipped.edition);
    expect(loadGlossary(changed).edition).not.toBe(shipped.edition);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("names the rules and the glossary beside Apertium's chain, for a real direction only", async () => {
    const translator = new ProtectedTranslator(raw, new PartTranslator(raw, () => []), "abc123def456");
    expect(await translator.status("fr", "en")).toEqual({
      available: true,
      pipeline: `chain fr-en + protected terms (rules ${OFFLINE_RULES_EDITION}, glossary abc123def456)`,
    });
    expect(await translator.status("en", "en")).toEqual({ available: true, pipeline: "identity" });
    const off = new ProtectedTranslator(undefined, new PartTranslator(undefined, () => []));
    expect((await off.status("fr", "en")).available).toBe(false);
  });
});
