import { remember } from "../bounded-map.js";
import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { PosTagger, TaggedWord } from "../ports/pos-tagger.port.js";
import { fold } from "../text/fold.js";
import { splitSentences } from "../text/sentences.js";
import { crossAcronym } from "../trust/acronyms.js";
import { buildEvidence, type Evidence, type TrustTools } from "../trust/evidence.js";
import { textCovers } from "./focus-future.js";

/** Sentences of a release tagged to read how it uses a word; tagged sentences remembered. */
const MAX_SENTENCES = 6;
const MAX_REMEMBERED = 20_000;
const MAX_EVIDENCE = 1_000;

/**
 * How a release's own text uses a word coverage found in it (coverage.ts): whether it is there as the same kind
 * of word as the question's (a name, not a homograph of one), and whether an acronym of the question is one the
 * release spells out. Coverage decides which words must be found; this reads the release's side of each, with
 * the tagging and the acronym evidence remembered per sentence and per release, as several questions look again.
 */
export class WordUsage {
  private readonly tagged = new Map<string, Promise<TaggedWord[]>>();
  private readonly evidence = new Map<string, Evidence>();

  constructor(
    private readonly tagger: PosTagger,
    private readonly trust?: TrustTools | undefined,
  ) {}

  /**
   * An acronym of the question ("eu", "CoE") that the release spells out, in either language (« Union
   * européenne », "Centre of Excellence"): the fact guard's acronym evidence of the release, made once per release.
   */
  spellsOut(release: Release, word: string): boolean {
    if (!/^\p{L}{2,6}$/u.test(word)) return false;
    const key = `${release.id}:${release.contentHash}`;
    let ev = this.evidence.get(key);
    if (!ev) {
      const sources = Object.values(release.texts).flatMap((t) =>
        t ? [{ lang: t.lang, text: [t.title, ...t.paragraphs].join("\n") }] : [],
      );
      ev = buildEvidence(sources, this.trust);
      remember(this.evidence, key, ev, MAX_EVIDENCE);
    }
    const acronym = word.toUpperCase();
    return ev.acronyms.has(acronym) || crossAcronym(acronym, ev.runs);
  }

  /**
   * Whether the release's own text uses one of the forms as the same kind of word as the question does, by the
   * tagger's reading of the sentences that have it as written. A name of the question must be a name there too:
   * a proper noun, a word the tagger does not know, or a word capitalised inside a sentence ("Nordic Response");
   * a common word of the question must not be there only as a proper noun. A form found only in the stored
   * machine translation, or only inflected, is not held against it.
   */
  async sameKindSomewhere(
    release: Release,
    forms: readonly string[],
    kind: "name" | "common",
    lang: Lang,
  ): Promise<boolean> {
    const folded = new Set(forms.map((f) => fold(f)));
    let seen = false;
    // A homograph is a word of one language that is a word of the other: in the question's own language the same
    // spelling is the same word, whatever case a release writes it in.
    if (release.texts[lang]) return true;
    for (const text of Object.values(release.texts)) {
      if (!text) continue;
      const sentences = [text.title, ...text.paragraphs.flatMap(splitSentences)]
        .filter((s) => forms.some((f) => textCovers(s, f, [])))
        .slice(0, MAX_SENTENCES);
      for (const sentence of sentences) {
        for (const [i, w] of (await this.tag(sentence, text.lang)).entries()) {
          if (!folded.has(fold(w.surface)) && !folded.has(fold(w.lemma))) continue;
          seen = true;
          if (w.pos === "unknown" || w.pos === "numeral") return true;
          const nameThere = w.pos === "proper" || (i > 0 && /^\p{Lu}/u.test(w.surface));
          if (kind === "name" ? nameThere : w.pos !== "proper") return true;
        }
      }
    }
    return !seen;
  }

  private tag(sentence: string, lang: Lang): Promise<TaggedWord[]> {
    const key = `${lang}:${sentence}`;
    let tagged = this.tagged.get(key);
    if (!tagged) {
      tagged = remember(this.tagged, key, this.tagger.tag(sentence, lang), MAX_REMEMBERED);
      tagged.catch(() => this.tagged.delete(key));
    }
    return tagged;
  }
}
