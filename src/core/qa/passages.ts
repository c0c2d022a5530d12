import type { Brief } from "../domain/brief.js";
import { LANGS, type Lang } from "../domain/language.js";
import type { Release, ReleaseText } from "../domain/release.js";
import { splitSentences } from "../text/sentences.js";
import type { Passage } from "./qa-types.js";
import type { IndexDocument } from "./search-index.port.js";

/** Longer sentences are cut at reported-speech and semicolon boundaries: an answer quotes the clause it needs. */
const LONG_SENTENCE = 260;

/** The day a release counts for in date searches: its publication date, else the day it was stored. */
export function releaseDate(release: Pick<Release, "published" | "createdAt">): string {
  return release.published ?? release.createdAt.slice(0, 10);
}

/** One index document per language the release or its brief has: title, brief text and body as fields. */
export function indexDocuments(release: Release, brief?: Brief | undefined): IndexDocument[] {
  const usable = brief && brief.contentHash === release.contentHash ? brief : undefined;
  return LANGS.flatMap((lang): IndexDocument[] => {
    const text = release.texts[lang];
    const part = usable?.[lang];
    if (!text && !part) return [];
    return [
      {
        id: `${release.id}:${lang}`,
        releaseId: release.id,
        lang,
        date: releaseDate(release),
        contentHash: release.contentHash,
        title: text?.title ?? part?.headline ?? "",
        brief: part ? [part.headline, part.summary, ...part.keyPoints].join("\n") : "",
        body: text ? text.paragraphs.join("\n") : "",
      },
    ];
  });
}

/**
 * The passages an answer may quote from a release: each sentence (or clause) of every official text, and the
 * brief's sentences in a language NATO did not publish, labelled with the brief's provenance.
 */
export function releasePassages(release: Release, brief?: Brief | undefined): Passage[] {
  const out: Passage[] = [];
  for (const lang of LANGS) {
    const text = release.texts[lang];
    if (text) out.push(...textPassages(release.id, text));
  }
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
