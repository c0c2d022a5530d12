import type { Brief } from "../domain/brief.js";
import { LANGS, type Lang } from "../domain/language.js";
import type { Release, ReleaseText } from "../domain/release.js";
import type { ReleaseTranslation } from "../ports/qa-index-store.port.js";
import { splitSentences } from "../text/sentences.js";
import type { Passage } from "./qa-types.js";
import type { IndexDocument } from "./search-index.port.js";

/** Longer sentences are cut at reported-speech and semicolon boundaries: an answer quotes the clause it needs. */
const LONG_SENTENCE = 260;

/** The day a release counts for in date searches: its publication date, else the day it was stored. */
export function releaseDate(release: Pick<Release, "published" | "createdAt">): string {
  return release.published ?? release.createdAt.slice(0, 10);
}

/** What is stored beside a release that the index and answers read: its latest brief and offline translations. */
export interface ReleaseExtras {
  brief?: Brief | undefined;
  /** Offline translations into the languages NATO did not publish the release in (current ones only are used). */
  translations?: readonly ReleaseTranslation[] | undefined;
}

/**
 * One index document per language the release, its brief or its offline translation has: title, brief text and
 * body as fields. A release NATO published in one language is so indexed in both: its translation (made once when
 * it was stored) is the other language's body, and a question meets it in its own language.
 */
export function indexDocuments(release: Release, extras: ReleaseExtras = {}): IndexDocument[] {
  const usable = extras.brief && extras.brief.contentHash === release.contentHash ? extras.brief : undefined;
  return LANGS.flatMap((lang): IndexDocument[] => {
    const text = release.texts[lang];
    const part = usable?.[lang];
    const translated = text ? undefined : currentTranslation(release, extras.translations, lang);
    if (!text && !part && !translated) return [];
    return [
      {
        id: `${release.id}:${lang}`,
        releaseId: release.id,
        lang,
        date: releaseDate(release),
        contentHash: release.contentHash,
        title: text?.title ?? translated?.title ?? part?.headline ?? "",
        brief: part ? [part.headline, part.summary, ...part.keyPoints].join("\n") : "",
        body: text ? text.paragraphs.join("\n") : (translated?.sentences.join("\n") ?? ""),
      },
    ];
  });
}

/** The translation of the release's current content into `lang`, if one was made. */
export function currentTranslation(
  release: Release,
  translations: readonly ReleaseTranslation[] | undefined,
  lang: Lang,
): ReleaseTranslation | undefined {
  return translations?.find(
    (t) => t.lang === lang && t.contentHash === release.contentHash && t.releaseId === release.id,
  );
}

/** The sentences an offline translation of the release translates, in order: its original's passages. */
export function originalSentences(release: Release): { lang: Lang; title: string; sentences: string[] } {
  const text = release.texts[release.sourceLanguage] ?? LANGS.map((l) => release.texts[l]).find(Boolean);
  if (!text) return { lang: release.sourceLanguage, title: "", sentences: [] };
  return { lang: text.lang, title: text.title, sentences: textPassages(release.id, text).map((p) => p.text) };
}

/**
 * The passages an answer may quote from a release: each sentence (or clause) of every official text, and the
 * brief's sentences in a language NATO did not publish, labelled with the brief's provenance.
 */
export function releasePassages(release: Release, extras: ReleaseExtras = {}): Passage[] {
  const out: Passage[] = [];
  for (const lang of LANGS) {
    const text = release.texts[lang];
    if (text) out.push(...textPassages(release.id, text));
  }
  out.push(...translationPassages(release, extras.translations, out));
  const brief = extras.brief;
  const usable = brief && brief.contentHash === release.contentHash ? brief : undefined;
  if (usable) {
    for (const lang of LANGS) {
      if (release.texts[lang]) continue;
      const part = usable[lang];
      if (usable.provenance[lang].kind === "unavailable") continue;
      const title = part.headline || titleOf(release, lang);
      const sentences = [...splitSentences(part.summary), ...part.keyPoints];
      for (const [n, s] of sentences.entries()) {
        out.push({
          id: `${release.id}:${lang}:brief:${n}`,
          releaseId: release.id,
          lang,
          kind: "brief",
          title,
          text: s,
          label: usable.provenance[lang].label,
        });
      }
    }
  }
  return out;
}

/** The offline translation's sentences, each with the original sentence it translates. */
function translationPassages(
  release: Release,
  translations: readonly ReleaseTranslation[] | undefined,
  originals: Passage[],
): Passage[] {
  const out: Passage[] = [];
  for (const lang of LANGS) {
    if (release.texts[lang]) continue;
    const t = currentTranslation(release, translations, lang);
    if (!t) continue;
    const source = originals.filter((p) => p.lang !== lang);
    for (const [n, text] of t.sentences.entries()) {
      const original = source[n];
      if (!original || !text.trim()) continue;
      out.push({
        id: `${release.id}:${lang}:translation:${n}`,
        releaseId: release.id,
        lang,
        kind: "translation",
        title: t.title,
        text,
        original: { lang: original.lang, text: original.text },
      });
    }
  }
  return out;
}

/**
 * The id of the sentence `step` sentences away in the same text (a release's own text or its stored translation,
 * numbered in order); undefined for a brief's sentence, which is not in the release's order, or before the first.
 */
export function neighbourId(passage: Passage, step: number): string | undefined {
  if (passage.kind !== "body" && passage.kind !== "translation") return undefined;
  const at = passage.id.lastIndexOf(":");
  const n = Number(passage.id.slice(at + 1)) + step;
  return Number.isInteger(n) && n >= 0 ? `${passage.id.slice(0, at)}:${n}` : undefined;
}

function textPassages(releaseId: string, text: ReleaseText): Passage[] {
  const sentences = text.paragraphs.flatMap((p) => splitSentences(p)).flatMap((s) => clauses(s, text.lang));
  return sentences.map((s, n) => ({
    id: `${releaseId}:${text.lang}:body:${n}`,
    releaseId,
    lang: text.lang,
    kind: "body" as const,
    title: text.title,
    text: s,
  }));
}

/** The release's title in `lang`, or its original title. */
export function titleOf(release: Release, lang: Lang): string {
  return release.texts[lang]?.title ?? release.texts[release.sourceLanguage]?.title ?? release.id;
}

/** The release's URL in `lang`, else any URL it has. */
export function urlOf(release: Release, lang: Lang): string | null {
  return (
    release.texts[lang]?.url ?? release.canonicalUrl ?? LANGS.map((l) => release.texts[l]?.url).find(Boolean) ?? null
  );
}

const REPORTED: Record<Lang, RegExp> = {
  en: /,\s+(?:adding|noting|stressing|explaining|saying|recalling|underlining)\s+that\s+/u,
  fr: /,\s+(?:ajoutant|précisant|soulignant|indiquant|rappelant|expliquant|notant)\s+qu(?:e\s+|['’])/u,
};

/** "« … », a indiqué M. X, ajoutant que depuis juillet …": the reported clause is a passage of its own. */
function clauses(sentence: string, lang: Lang): string[] {
  if (sentence.length < LONG_SENTENCE) return [sentence];
  const m = REPORTED[lang].exec(sentence);
  if (m && m.index >= 40 && sentence.length - (m.index + m[0].length) >= 40) {
    const head = `${sentence.slice(0, m.index).trim()}.`;
    const tail = sentence.slice(m.index + m[0].length).trim();
    return [...clauses(head, lang), ...clauses(capitalise(tail), lang)];
  }
  const parts = sentence.split(/;\s+/u);
  if (parts.length > 1 && parts.every((p) => p.length >= 40)) {
    return parts.map((p, i) => capitalise(i < parts.length - 1 ? `${p.trim()}.` : p.trim()));
  }
  return [sentence];
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
