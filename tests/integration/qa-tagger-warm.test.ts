/**
 * A question's tagger is made ready when the question arrives, before it is searched (a tagger that starts
 * processes starts them while the search runs), in the question's language; the answer is the one a tagger
 * without that step gives. The app's Q&A composition over a SQLite file, offline.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { draftFromText } from "../../src/core/ingest/index.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { PosTagger, TaggedWord } from "../../src/core/ports/pos-tagger.port.js";
import { loadPrompts } from "../../src/infra/llm/prompt-loader.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createQa, createQaIndex } from "../../src/infra/qa/build-qa.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

const GLIDERS = `Latvia buys gliders for its air force
Latvia signed a contract for 12 training gliders on Monday, delivered within two years.
The gliders will train the first pilots of the Latvian air force from 2026, at the air base of Lielvarde.
The defence ministry said the contract also covers spare parts, a simulator and the training of instructors.`;
const PLANEURS = `La Lettonie achète des planeurs
La Lettonie a signé lundi un contrat pour 12 planeurs d'entraînement, livrés en deux ans.
Les planeurs formeront les premiers pilotes de l'armée de l'air lettone à partir de 2026, sur la base de Lielvarde.
Le ministère de la défense a précisé que le contrat couvre aussi les pièces détachées et un simulateur.`;

/** Tags each word as a grammar word (nothing the coverage check must find), lowercase; records what it is asked. */
function recordingTagger(events: string[], withWarm: boolean): PosTagger {
  const tagger: PosTagger = {
    available: async () => true,
    tag: async (text: string, lang: Lang): Promise<TaggedWord[]> => {
      events.push(`tag:${lang}`);
      return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => ({ surface: w, lemma: w.toLowerCase(), pos: "other" }));
    },
    close: async () => {},
  };
  if (withWarm) tagger.warm = (lang: Lang) => void events.push(`warm:${lang}`);
  return tagger;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-tagger-warm-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("tagger warmed up for a question", () => {
  const db = openDatabase(path.join(dir, "qa.db"));
  const index = createQaIndex(new SqliteReleaseStore(db), silentLogger);
  const glossary = loadGlossary();
  const qaWith = (tagger: PosTagger) =>
    createQa({
      indexer: index.indexer,
      index,
      store: index.store,
      translator: undefined,
      glossary,
      trust: createTrustTools(glossary),
      tagger,
      prompts: loadPrompts(),
      limits: { rateLimitPerHour: 1_000, maxQuestionChars: 500 },
      logger: silentLogger,
    });

  it("is asked once, in the question's language, before the question is tagged; the answer is the same", async () => {
    await index.store.saveRelease(draftFromText(GLIDERS));
    await index.store.saveRelease(draftFromText(PLANEURS));
    await index.indexer.whenReady();
    await index.indexer.idle();
    const ctx = { userKey: "u", conversationKey: "c" };
    for (const [question, lang] of [
      ["How many gliders did Latvia buy?", "en"],
      ["Combien de planeurs la Lettonie a-t-elle achetés ?", "fr"],
    ] as const) {
      const events: string[] = [];
      const warmed = await qaWith(recordingTagger(events, true)).service.ask(question, ctx);
      const cold = await qaWith(recordingTagger([], false)).service.ask(question, ctx);
      expect(warmed.status).toBe("answered");
      expect(warmed).toEqual(cold);
      expect(events.filter((e) => e.startsWith("warm"))).toEqual([`warm:${lang}`]);
      expect(events[0]).toBe(`warm:${lang}`);
      expect(events).toContain(`tag:${lang}`);
    }
    // Refused before any work: nothing to get ready for.
    const events: string[] = [];
    await qaWith(recordingTagger(events, true)).service.ask(" ?! ", ctx);
    expect(events).toEqual([]);
  });
});
