import { remember } from "../bounded-map.js";
import { type Lang, otherLang } from "../domain/language.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import type { Logger } from "../ports/logger.port.js";
import type { PosTagger, TaggedWord } from "../ports/pos-tagger.port.js";
import { accentVariants } from "../text/accents.js";
import { escapeRegExp } from "../text/regexp.js";
import { markAsked } from "./asked-noun.js";
import { type SpecificWord, specificWords } from "./specific-words.js";

/**
 * The question read for coverage (coverage.ts): tagged in context by the part-of-speech tagger, French words typed
 * without accents given the spelling the dictionary knows, compounds the dictionary knows whole joined again, then
 * its specific words (specific-words.ts).
 */
/** Questions whose reading is remembered (a conversation's few, many users'). */
const MAX_QUESTIONS = 256;

export class QuestionReader {
  private warned = false;
  private readonly read = new Map<string, Promise<SpecificWord[] | undefined>>();

  constructor(
    private readonly tagger: PosTagger,
    private readonly lexicon: BilingualLexicon | undefined,
    private readonly logger: Logger,
  ) {}

  /**
   * The question's specific words; undefined when the tagger is not there (the check is then off). A question is
   * read once: the release coverage and the sentence binding of one answer both ask, and so does a follow-up for
   * the question it continues. A failed reading is not remembered.
   */
  questionWords(text: string, lang: Lang): Promise<SpecificWord[] | undefined> {
    const key = `${lang}:${text}`;
    const read = this.read.get(key) ?? remember(this.read, key, this.readWords(text, lang), MAX_QUESTIONS);
    void read.then((words) => {
      if (!words) this.read.delete(key);
    });
    return read;
  }

  private async readWords(text: string, lang: Lang): Promise<SpecificWord[] | undefined> {
    try {
      if (!(await this.tagger.available(lang))) {
        if (!this.warned)
          this.logger.info("no part-of-speech tagger: questions are not checked for coverage", { lang });
        this.warned = true;
        return undefined;
      }
      return markAsked(specificWords(await this.tagQuestion(text, lang), lang, this.lexicon), text);
    } catch (err) {
      this.logger.warn("tagging the question failed; it is answered without the coverage check", {
        error: String(err),
      });
      return undefined;
    }
  }

  /**
   * The question tagged in context; in French, words typed without their accents are first given the accented
   * spelling the dictionary knows (« cree » → « créé »), and the question tagged again with them.
   */
  private async tagQuestion(text: string, lang: Lang): Promise<TaggedWord[]> {
    return this.compounds(await this.restoreAccents(text, await this.tagger.tag(text, lang), lang), text, lang);
  }

  /** « porte-avions » is tagged as two words; the dictionary that knows it whole makes it one noun again. */
  private compounds(tagged: TaggedWord[], text: string, lang: Lang): TaggedWord[] {
    const lexicon = this.lexicon;
    if (!lexicon) return tagged;
    const out: TaggedWord[] = [];
    for (let i = 0; i < tagged.length; i++) {
      const [a, b] = [tagged[i]!, tagged[i + 1]];
      const whole = b ? `${a.surface}-${b.surface}` : "";
      if (b && text.includes(whole) && lexicon.equivalents(whole, lang, otherLang(lang)).some((e) => e.pos === "n")) {
        out.push({ surface: whole, lemma: whole, pos: "noun" });
        i++;
      } else out.push(a);
    }
    return out;
  }

  private async restoreAccents(text: string, tagged: TaggedWord[], lang: Lang): Promise<TaggedWord[]> {
    if (lang !== "fr") return tagged;
    const unknown = [...new Set(tagged.filter((w) => w.pos === "unknown").map((w) => w.surface))];
    let restored = text;
    let changed = false;
    for (const word of unknown) {
      const variants = accentVariants(word);
      if (variants.length === 0) continue;
      const known = (await this.tagger.tag(variants.join(" ;\n"), lang)).find((w) => w.pos !== "unknown");
      if (!known) continue;
      restored = restored.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, "gu"), known.surface);
      changed = true;
    }
    return changed ? this.tagger.tag(restored, lang) : tagged;
  }
}
