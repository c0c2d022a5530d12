import { LANGS } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { ReleaseTranslation, ReleaseTranslationStore } from "../ports/qa-index-store.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import type { ReleaseExtras } from "./passages.js";

/**
 * Every stored release. Counted, then listed: a release saved in between must not push the oldest one out of a
 * list cut at the count, so the list asks for some more, and again if even those were all taken.
 */
export async function listAllReleases(store: Pick<ReleaseStore, "countReleases" | "listReleases">): Promise<Release[]> {
  for (let extra = 64; ; extra *= 4) {
    const limit = (await store.countReleases()) + extra;
    const releases = await store.listReleases({ limit });
    if (releases.length < limit) return releases;
  }
}

/** The brief and the translations a release is indexed with. */
export async function releaseExtras(
  store: Pick<ReleaseStore, "latestBriefFor">,
  translations: ReleaseTranslationStore | undefined,
  release: Release,
): Promise<ReleaseExtras> {
  const found: ReleaseTranslation[] = [];
  if (translations) {
    for (const lang of LANGS) {
      if (release.texts[lang]) continue;
      const t = await translations.get(release.id, lang);
      if (t) found.push(t);
    }
  }
  return { brief: await store.latestBriefFor(release.id), translations: found };
}
