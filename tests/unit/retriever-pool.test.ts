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
