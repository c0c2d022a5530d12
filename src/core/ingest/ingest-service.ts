import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { PageFetcher } from "../ports/page-fetcher.port.js";
import type { ReleaseStore, SaveOutcome } from "../ports/release-store.port.js";
import { draftFromHtml, draftFromText } from "./index.js";

export interface IngestResult {
  release: Release;
  outcome: SaveOutcome;
}

/** Text, file contents or a page URL in; one stored release out (the same release stored twice is one). */
export class IngestService {
  private readonly logger: Logger;

  constructor(private readonly deps: { store: ReleaseStore; fetcher?: PageFetcher | undefined; logger?: Logger }) {
    this.logger = deps.logger ?? silentLogger;
  }

  fromText(raw: string, options: { url?: string } = {}): IngestResult {
    return this.save(draftFromText(raw, options));
  }

  async fromUrl(url: string): Promise<IngestResult> {
    if (!this.deps.fetcher) throw new Error("fetching pages is not configured");
    const page = await this.deps.fetcher.fetchPage(url);
    return this.save(draftFromHtml(page.html, page.url));
  }

  private save(draft: Parameters<ReleaseStore["saveRelease"]>[0]): IngestResult {
    const result = this.deps.store.saveRelease(draft);
    this.logger.info("release stored", {
      releaseId: result.release.id,
      outcome: result.outcome,
      lang: draft.sourceLanguage,
    });
    return result;
  }
}
