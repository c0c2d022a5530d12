import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import { titleOf, urlOf } from "./passages.js";
import type { Citation } from "./qa-types.js";

/** Numbers releases in the order an answer first cites them: `[n]` is `list()[n - 1]`. */
export class CitationNumbers {
  private readonly ids: string[] = [];

  number(releaseId: string): number {
    const at = this.ids.indexOf(releaseId);
    if (at >= 0) return at + 1;
    this.ids.push(releaseId);
    return this.ids.length;
  }

  get releaseIds(): string[] {
    return [...this.ids];
  }

  /** Citations in the reader's language: title and link of NATO's text in that language when there is one. */
  list(releases: ReadonlyMap<string, Release>, lang: Lang): Citation[] {
    return this.ids.flatMap((id) => {
      const release = releases.get(id);
      if (!release) return [];
      return [
        { releaseId: id, title: titleOf(release, lang), url: urlOf(release, lang), published: release.published },
      ];
    });
  }
}

/** "[1]", or "[1][2]" for a sentence several releases back up. */
export function markers(numbers: number[]): string {
  return [...new Set(numbers)]
    .sort((a, b) => a - b)
    .map((n) => `[${n}]`)
    .join("");
}
