import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { ReleaseStore, SaveOutcome } from "../ports/release-store.port.js";
import { draftFromText } from "./from-text.js";

export interface IngestResult {
  release: Release;
  outcome: SaveOutcome;
}

export interface IngestServiceDeps {
  store: ReleaseStore;
  /** Reads a page and its official other-language counterpart (the sources' poller, polite and host-checked). */
  pages?: ((url: string) => Promise<IngestResult>) | undefined;
  logger?: Logger;
}

/** Text, file contents or a page URL in; one stored release out (the same release stored twice is one). */
export class IngestService {
  private readonly logger: Logger;

  constructor(private readonly deps: IngestServiceDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  async fromText(raw: string, options: { url?: string } = {}): Promise<IngestResult> {
    return this.save(draftFromText(raw, options));
  }

  async fromUrl(url: string): Promise<IngestResult> {
    if (!this.deps.pages) throw new Error("fetching pages is not configured");
    return this.deps.pages(url);
  }

  private async save(draft: Parameters<ReleaseStore["saveRelease"]>[0]): Promise<IngestResult> {
    const result = await this.deps.store.saveRelease(draft);
    this.logger.info("release stored", {
      releaseId: result.release.id,
      outcome: result.outcome,
      lang: draft.sourceLanguage,
    });
    return result;
  }
}
