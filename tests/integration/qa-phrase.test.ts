/**
 * The release a question names by a phrase: "the energy security CoE" is the release that writes "Energy Security
 * Centre of Excellence" together, not the one that says "security" and "created" more often, with "energy" in
 * another sentence. Offline answers, the app's Q&A composition over a SQLite file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { draftFromText } from "../../src/core/ingest/index.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { loadPrompts } from "../../src/infra/llm/prompt-loader.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createQa, createQaIndex } from "../../src/infra/qa/build-qa.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

const PROGRAMME = `Security programme marks sixty years of security science
The Science for Peace and Security Programme was created in 1958 to support security research.
Over the years the programme has covered cyber security, counter-terrorism and security of supply.
It also funds projects on energy, and on the security of scientists' data across the Alliance.`;
const CENTRE = `Greece joins the NATO Energy Security Centre of Excellence
Greece became the twentieth member of the NATO Energy Security Centre of Excellence.
The Centre, created in 2012, advises NATO on the protection of critical infrastructure.
Its experts run a yearly course for civilian and military staff.`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-phrase-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("phrase evidence", () => {
  const db = openDatabase(path.join(dir, "qa.db"));
  const index = createQaIndex(new SqliteReleaseStore(db), silentLogger);
  const glossary = loadGlossary();
  const qa = createQa({
    indexer: index.indexer,
    index,
    store: index.store,
    translator: undefined,
    glossary,
    trust: createTrustTools(glossary),
    prompts: loadPrompts(),
    limits: { rateLimitPerHour: 1_000, maxQuestionChars: 500 },
    logger: silentLogger,
  });

  it("answers from the release that holds the question's phrase, its acronym spelled out", async () => {
    await index.store.saveRelease(draftFromText(PROGRAMME));
    const centre = (await index.store.saveRelease(draftFromText(CENTRE))).release.id;
    await index.indexer.whenReady();
    await index.indexer.idle();
    const answer = await qa.service.ask("when was the energy security CoE created", {
      userKey: "u",
      conversationKey: "c",
      language: "en",
    });
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("created in 2012");
    expect(answer.citations.map((c) => c.releaseId)[0]).toBe(centre);
    await qa.close();
  });
});
