/** The generated corpus of qa-retrieval: seeded, so every run stores the same releases and asks the same questions. */
import type { Lang } from "../../src/core/domain/language.js";
import type { Release, ReleaseDraft } from "../../src/core/domain/release.js";
import { contentHash } from "../../src/core/ingest/index.js";
import type { ReleaseTranslation } from "../../src/core/ports/qa-index-store.port.js";
import { originalSentences } from "../../src/core/qa/passages.js";

// Deterministic: the same corpus and questions on every run.
/** mulberry32: a small seeded generator, so two sequences (releases, their translations) stay independent. */
function generator(start: number): () => number {
  let seed = start;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let main = generator(20251129);
let draws = 0;
/**
 * Starts the sequences again where a fresh process starts them (after the word list below drew its words): the
 * same corpus, translations and questions whichever sizes a run generated before.
 */
export function reseed(): void {
  main = generator(20251129);
  for (let i = 0; i < DRAWS_AT_START; i++) main();
  draws = DRAWS_AT_START;
  translationRandom = generator(20261201);
}
export function random(): number {
  draws++;
  return main();
}
export const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const DOMAIN: Record<Lang, string[]> = {
  en: "Allies agreed defence ministers summit support Ukraine ammunition production contracts agency exercise troops deterrence cyber space maritime air missile training security partnership funding billion euros percent industry capability readiness forces command headquarters council declaration strategy resilience infrastructure climate innovation sanctions border deployment battlegroup frigate aircraft drones satellites interoperability procurement".split(
    " ",
  ),
  fr: "Alliés ministres défense sommet soutien Ukraine munitions production contrats agence exercice troupes dissuasion cyberdéfense espace maritime aérienne missiles formation sécurité partenariat financement milliards euros pourcentage industrie capacités disponibilité forces commandement siège conseil déclaration stratégie résilience infrastructures climat innovation sanctions frontière déploiement groupement frégate avions drones satellites interopérabilité acquisition".split(
    " ",
  ),
};
const FUNCTION: Record<Lang, string[]> = {
  en: "the of and to in a for on with that by as at from is was will has have be their its".split(" "),
  fr: "le la les de des du et à en un une pour sur avec que par dans au aux est a sera ont leur ses".split(" "),
};
const SYLLABLES =
  "ka lo mi tre vor an sel du pri gan ost rel mur fen quo bri tal ser nov dem pla cor vin sta gel".split(" ");
export const synthetic = Array.from({ length: 20_000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(""),
);
const names = new Set(synthetic.filter((_, i) => i % 12 === 0));
/** Draws of the main sequence made while this module loads (the word list). */
const DRAWS_AT_START = draws;

/** Word frequencies follow Zipf's law (exponent 1.07, as in English text); the domain words rank first. */
function zipfSampler(size: number, exponent = 1.07): (rng: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= size; r++) {
    total += 1 / r ** exponent;
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
const contentRank = zipfSampler(45 + synthetic.length);

function contentWord(lang: Lang, rng: () => number): string {
  const r = contentRank(rng);
  if (r < 45) return DOMAIN[lang][r % DOMAIN[lang].length]!;
  const w = synthetic[r - 45]!;
  return names.has(w) ? w[0]!.toUpperCase() + w.slice(1) : w;
}

function sentence(lang: Lang, words: number, rng: () => number = random): string {
  const out: string[] = [];
  const choose = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  for (let i = 0; i < words; i++) {
    const r = rng();
    out.push(r < 0.45 ? choose(FUNCTION[lang]) : r < 0.5 ? String(Math.floor(rng() * 5000)) : contentWord(lang, rng));
  }
  const s = out.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function text(lang: Lang, i: number) {
  const day = new Date(Date.UTC(2015, 0, 1) + i * 8.64e7 * 0.35).toISOString().slice(0, 10);
  return {
    lang,
    title: sentence(lang, 8 + Math.floor(random() * 5)).replace(/\.$/, ""),
    paragraphs: Array.from({ length: 6 }, () =>
      Array.from({ length: 2 + Math.floor(random() * 2) }, () => sentence(lang, 14 + Math.floor(random() * 10))).join(
        " ",
      ),
    ),
    url: `https://www.nato.int/cps/${lang}/natohq/news_${i}.htm`,
    official: true,
    day,
  };
}

export function draft(i: number): ReleaseDraft {
  const lang: Lang = i % 2 === 0 ? "en" : "fr";
  const original = text(lang, i);
  const texts: ReleaseDraft["texts"] = { [lang]: original };
  if (i % 5 === 0) texts[lang === "en" ? "fr" : "en"] = text(lang === "en" ? "fr" : "en", i);
  return {
    canonicalUrl: original.url,
    contentHash: contentHash(texts),
    sourceLanguage: lang,
    published: original.day,
    texts,
  };
}

let translationRandom = generator(20261201);

/**
 * What the offline translation stores for a release NATO published in one language: one sentence of the other
 * language per sentence of the original (generated like the releases, so the index holds both sides at full size).
 */
export function syntheticTranslation(release: Release): ReleaseTranslation | undefined {
  const lang: Lang = release.sourceLanguage === "en" ? "fr" : "en";
  if (release.texts[lang]) return undefined;
  const source = originalSentences(release);
  return {
    releaseId: release.id,
    lang,
    contentHash: release.contentHash,
    title: sentence(lang, 10, translationRandom).replace(/\.$/, ""),
    sentences: source.sentences.map((s) => sentence(lang, Math.max(6, s.split(" ").length), translationRandom)),
    pipeline: "synthetic",
    createdAt: release.createdAt,
  };
}

/** The releases whose words the bench's questions quote: the first ones stored. */
export const QUESTION_BODIES = 2_000;

/** A stored release's original text as words, for questions to quote. */
export interface QuestionBody {
  lang: Lang;
  words: string[];
}

export function questionBody(d: ReleaseDraft): QuestionBody {
  const t = d.texts[d.sourceLanguage]!;
  return { lang: d.sourceLanguage, words: t.paragraphs.join(" ").split(/\s+/) };
}

/**
 * The bench's questions, drawn after the corpus (the same ones for the same corpus): a few words of a stored release
 * (what people ask about), and a fifth with words of no release.
 */
export function benchQuestions(bodies: readonly QuestionBody[], count: number): { lang: Lang; text: string }[] {
  return Array.from({ length: count }, (_, q) => {
    if (q % 5 === 4) return { lang: "en" as Lang, text: `What about ${pick(synthetic)}xq ${pick(synthetic)}zz?` };
    const body = pick(bodies);
    const start = Math.floor(random() * (body.words.length - 6));
    const words = body.words
      .slice(start, start + 3 + Math.floor(random() * 3))
      .join(" ")
      .replace(/[.]/g, "");
    return {
      lang: body.lang,
      text: body.lang === "en" ? `What did NATO say about ${words}?` : `Qu'a dit l'OTAN sur ${words} ?`,
    };
  });
}
