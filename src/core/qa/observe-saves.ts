import type { Brief } from "../domain/brief.js";
import type { Release } from "../domain/release.js";
import type { ReleaseStore } from "../ports/release-store.port.js";

/** Who hears of each release or brief saved: the Q&A index, the other replicas' feed. */
export interface SaveListener {
  onReleaseSaved(release: Release): Promise<void>;
  onBriefSaved(brief: Brief): Promise<void>;
}

/**
 * The same store, telling `listener` after each release or brief it saved, whoever saved it (ingest, the source
 * poller, the brief service). A Proxy rather than a wrapper class so the store's own extra methods stay reachable.
 */
export function observeSaves<T extends ReleaseStore>(store: T, listener: SaveListener): T {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === "saveRelease") {
        return async (draft: Parameters<ReleaseStore["saveRelease"]>[0]) => {
          const result = await target.saveRelease(draft);
          if (result.outcome !== "unchanged") await listener.onReleaseSaved(result.release);
          return result;
        };
      }
      if (prop === "saveBrief") {
        return async (brief: Brief) => {
          await target.saveBrief(brief);
          await listener.onBriefSaved(brief);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
