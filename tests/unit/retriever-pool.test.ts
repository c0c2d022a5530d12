import { describe, expect, it } from "vitest";
import type { Release } from "../../src/core/domain/release.js";
import type { ReleaseStore } from "../../src/core/ports/release-store.port.js";
import { indexDocuments } from "../../src/core/qa/passages.js";
import type { QaIndexer } from "../../src/core/qa/qa-indexer.js";
import { Retriever } from "../../src/core/qa/retriever.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";
import { oneLanguageRelease } from "../helpers/releases.js";

/** A retriever over these releases, with a real index and the store in memory. */
function retrieverOf(releases: Release[]): Retriever {
  const index = new MiniSearchIndex();
  index.rebuild(releases.flatMap((r) => indexDocuments(r)));
  const byId = new Map(releases.map((r) => [r.id, r]));
  const indexer = {
    index,
    whenReady: async () => {},
    extras: async () => ({}),
    hasUntranslated: async () => false,
    refresh: async () => {},
  } as unknown as QaIndexer;
  const store = { getRelease: async (id: string) => byId.get(id) } as unknown as ReleaseStore;
  return new Retriever({ indexer, store });
}

describe("releases looked for further down the question's own side", () => {
  it("finds a release that says little in the question's language but all of it in the other", async () => {
    // Twelve releases repeat two of the question's three words in English; the one that has all three says
    // them in its French text, its English one only names the office.
    const near = Array.from({ length: 12 }, (_, i) =>
      oneLanguageRelease(
        `n${i}`,
        "en",
        `Programme office ${i}`,
        "The programme office opened a second programme office.",
      ),
    );
    const right: Release = {
      ...oneLanguageRelease("right", "en", "Pipeline works", "The contract was signed at the office in Versailles."),
    };
    right.texts.fr = {
      lang: "fr",
      title: "Travaux sur les oléoducs",
      paragraphs: ["Le contrat a été signé au bureau du programme CEPS, à Versailles, par son directeur."],
      official: true,
    };
    const retriever = retrieverOf([...near, right]);
    const query = { texts: ["ceps programme office"], alternatives: { office: ["bureau"] }, sides: ["en" as const] };
    const { matches } = await retriever.searchReleases(query, 5);
    expect(matches[0]?.releaseId).toBe("right");
  });
});

describe("one retrieval's two rounds", () => {
  it("read each release and its passages from the store once, and find what separate rounds find", async () => {
    // The English texts share one word of the question (not enough to be relevant), the French ones more: the
    // retrieval searches the English side, then both, and the second round finds the first round's releases again.
    const releases = Array.from({ length: 4 }, (_, i) => {
      const r = oneLanguageRelease(`r${i}`, "en", `Team ${i}`, `The liaison team ${i} met its partners.`);
      r.texts.fr = {
        lang: "fr",
        title: `Équipe ${i}`,
        paragraphs: [`Le bureau de liaison ${i} a été inauguré en mars.`],
        official: true,
      };
      return r;
    });
    const byId = new Map(releases.map((r) => [r.id, r]));
    const index = new MiniSearchIndex();
    index.rebuild(releases.flatMap((r) => indexDocuments(r)));
    const reads: string[] = [];
    let extras = 0;
    const indexer = {
      index,
      whenReady: async () => {},
      extras: async () => {
        extras++;
        return {};
      },
      hasUntranslated: async () => false,
      refresh: async () => {},
    } as unknown as QaIndexer;
    const store = {
      getRelease: async (id: string) => {
        reads.push(id);
        return byId.get(id);
      },
    } as unknown as ReleaseStore;
    const retriever = new Retriever({ indexer, store });
    const request = { text: "When was the liaison bureau inaugurated?", lang: "en" as const };
    const query = await retriever.query(request);
    const firstRound = await new Retriever({ indexer, store }).searchReleases({ ...query, sides: ["en"] }, 5);
    const secondRound = await new Retriever({ indexer, store }).searchReleases(query, 5);
    expect(firstRound.matches.length).toBeGreaterThan(0);
    reads.length = 0;
    extras = 0;
    const retrieval = await retriever.retrieve(request);
    // The second round's answer, each release read once though both rounds found it.
    expect(retrieval.matches).toEqual(secondRound.matches);
    const found = new Set([...firstRound.matches, ...secondRound.matches].map((m) => m.releaseId));
    expect(reads.length).toBe(found.size);
    expect(new Set(reads).size).toBe(reads.length);
    expect(extras).toBe(found.size);
  });
});
