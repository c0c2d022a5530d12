import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type Lang, otherLang } from "../../core/domain/language.js";
import { packageRoot } from "../../package-root.js";
import { countedPlural, insideName } from "./glossary-context.js";

export const TERM_KINDS = ["body", "title", "programme", "country", "place", "demonym", "acronym", "term"] as const;

const TermSchema = z.strictObject({
  en: z.string().trim().min(1),
  fr: z.string().trim().min(1),
  enVariants: z.array(z.string().trim().min(1)).default([]),
  frVariants: z.array(z.string().trim().min(1)).default([]),
  /**
   * The English form of a term this one belongs to: a demonym's country ("Dutch" → "Netherlands"), an acronym's
   * full name ("SACEUR" → "Supreme Allied Commander Europe"). A text naming one backs the other.
   */
  of: z.string().trim().min(1).optional(),
  kind: z.enum(TERM_KINDS),
});
const GlossarySchema = z.strictObject({ version: z.literal(1), terms: z.array(TermSchema).min(1) });

export type GlossaryTerm = z.infer<typeof TermSchema>;

/** One occurrence of a glossary term in a text, with the official wording in the other language. */
export interface GlossaryMatch {
  start: number;
  end: number;
  /** The text as written at [start, end). */
  source: string;
  /** The other language's term, with the article and capitalisation the occurrence calls for. */
  target: string;
  term: GlossaryTerm;
}

export interface Glossary {
  readonly file: string;
  /** A short hash of the file as read: what stored offline translations record, to be made again when it changes. */
  readonly edition: string;
  readonly terms: readonly GlossaryTerm[];
  /** Non-overlapping occurrences in text order; where candidates overlap the longest wins. */
  findTerms(text: string, lang: Lang): GlossaryMatch[];
}

/** How one character of a form is compared: as written, any case but a capital, or any case. */
type CaseRule = "exact" | "upper" | "any";

interface Form {
  text: string;
  term: GlossaryTerm;
  /** One rule per UTF-16 unit of text. */
  rules: CaseRule[];
  /** Written in capitals only (NATO, EU): never recased. */
  acronym: boolean;
  hasArticle: boolean;
}

const ARTICLE: Record<Lang, RegExp> = { en: /^the\s/i, fr: /^(?:l['’]|(?:le|la|les)\s)/i };
// Names keep their capital in running text, so "turkey", "polish" or "alliés" (the adjective) are other words.
const CAPITALISED_KINDS = new Set<GlossaryTerm["kind"]>(["body", "country", "place", "demonym", "programme"]);

/** Reads and validates a glossary file (default: `glossary/nato-en-fr.json` at the repository root). */
export function loadGlossary(file: string = defaultGlossaryPath()): Glossary {
  let json: unknown;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`Cannot read glossary ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = GlossarySchema.safeParse(json);
  if (!parsed.success) throw new Error(`Invalid glossary ${file}:\n${z.prettifyError(parsed.error)}`);
  const terms = parsed.data.terms;
  const forms = { en: buildForms(terms, "en", file), fr: buildForms(terms, "fr", file) };
  const edition = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return { file, edition, terms, findTerms: (t, lang) => matchForms(t, lang, forms[lang]) };
}

let cached: Glossary | undefined;

/** The repository's glossary, read once. */
export function defaultGlossary(): Glossary {
  cached ??= loadGlossary();
  return cached;
}

/** Finds glossary terms in text, using the repository's glossary unless another is given. */
export function findTerms(text: string, lang: Lang, glossary: Glossary = defaultGlossary()): GlossaryMatch[] {
  return glossary.findTerms(text, lang);
}

function defaultGlossaryPath(): string {
  return path.join(packageRoot(), "glossary", "nato-en-fr.json");
}

function buildForms(terms: readonly GlossaryTerm[], lang: Lang, file: string): Map<string, Form[]> {
  const byKey = new Map<string, Form[]>();
  const owner = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    const variants = lang === "en" ? term.enVariants : term.frVariants;
    for (const text of new Set([term[lang], ...variants])) {
      const id = [...text].map(fold).join("");
      const other = owner.get(id);
      if (other && other !== term) {
        throw new Error(`Invalid glossary ${file}: ${lang} form "${text}" belongs to "${other.en}" and "${term.en}"`);
      }
      owner.set(id, term);
      const key = fold(text[0] ?? "");
      const list = byKey.get(key) ?? [];
      const acronym = !/\p{Ll}/u.test(text);
      list.push({ text, term, rules: caseRules(text, term), acronym, hasArticle: ARTICLE[lang].test(text) });
      byKey.set(key, list);
    }
  }
  return byKey;
}

// Capitals-only words (NATO, US, UE) match as written, so "us", "que" or "nato" never do; a capitalised word of
// a name must keep its capital, so "turkey", "polish" or "alliés" (the adjective) stay ordinary words.
function caseRules(text: string, term: GlossaryTerm): CaseRule[] {
  const rules: CaseRule[] = Array.from({ length: text.length }, () => "any");
  for (const word of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    if (word[0].length >= 2 && !/\p{Ll}/u.test(word[0])) rules.fill("exact", word.index, word.index + word[0].length);
    else if (CAPITALISED_KINDS.has(term.kind) && /^\p{Lu}/u.test(word[0])) rules[word.index] = "upper";
  }
  return rules;
}

function matchForms(text: string, lang: Lang, forms: Map<string, Form[]>): GlossaryMatch[] {
  const candidates: { start: number; end: number; form: Form }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && isWordChar(text[i - 1])) continue;
    for (const form of forms.get(fold(text[i] ?? "")) ?? []) {
      const end = matchAt(text, i, form);
      if (
        end > i &&
        (end === text.length || !isWordChar(text[end])) &&
        !insideName(text, i, end, form.term.kind, form.text)
      ) {
        candidates.push({ start: i, end, form });
      }
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof candidates = [];
  for (const c of candidates) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, form }) => {
      const source = text.slice(start, end);
      return {
        start,
        end,
        source,
        target: targetFor(
          form,
          lang,
          source,
          atSentenceStart(text, start),
          countedPlural(text, start, form.text, lang),
        ),
        term: form.term,
      };
    });
}

/** End of the match of form at position i, or -1. Any run of whitespace matches a space of the form. */
function matchAt(text: string, i: number, form: Form): number {
  let j = i;
  for (let k = 0; k < form.text.length; k++) {
    const f = form.text[k] ?? "";
    if (/\s/u.test(f)) {
      if (!/\s/u.test(text[j] ?? "")) return -1;
      while (/\s/u.test(text[j] ?? "")) j++;
      while (/\s/u.test(form.text[k + 1] ?? "")) k++;
      continue;
    }
    const t = text[j];
    if (t === undefined || !sameChar(t, f, form.rules[k] ?? "any")) return -1;
    j++;
  }
  return j;
}

function sameChar(t: string, f: string, rule: CaseRule): boolean {
  const tp = unifyPunctuation(t);
  const fp = unifyPunctuation(f);
  if (tp === fp) return true;
  if (rule === "exact") return false;
  const upper = t !== t.toLowerCase();
  if (rule === "upper" && !upper) return false;
  if (tp.toLowerCase() === fp.toLowerCase()) return true;
  // French often drops accents on capitals ("ETATS-UNIS", "Etats-Unis"); on lowercase letters an accent
  // changes the word ("allie" is a verb, "allié" the noun), so it must be there.
  return upper && stripAccent(t) === t && stripAccent(f).toLowerCase() === t.toLowerCase();
}

function targetFor(form: Form, lang: Lang, source: string, sentenceStart: boolean, counted = false): string {
  const to = otherLang(lang);
  const term = form.term;
  const variants = to === "en" ? term.enVariants : term.frVariants;
  // "the United States" ↔ "les États-Unis", but "l'OTAN" → "NATO" and "la Russie" → "Russia": an article only
  // where the source has one and the glossary lists the canonical term with one.
  const withArticle = form.hasArticle
    ? variants.find((v) => ARTICLE[to].test(v) && v.replace(ARTICLE[to], "").trim() === term[to])
    : undefined;
  // An acronym both languages write alike ("JFC", "COE") stays as written rather than becoming the full name.
  if (form.acronym && variants.includes(form.text)) return form.text;
  // An acronym becomes the other language's acronym ("EAPC" → « CPEA »), not the full name: "the Euro-Atlantic
  // Partnership Council (EAPC)" would read « Conseil de partenariat euro-atlantique (Conseil de partenariat…) ».
  const acronym = form.acronym && !form.hasArticle && !isAcronym(term[to]) ? variants.find(isAcronym) : undefined;
  const target = withArticle ?? acronym ?? numberOf(form, lang, term, variants, counted) ?? term[to];
  if (!form.acronym && /\p{L}.*\p{L}/u.test(source) && !/\p{Ll}/u.test(source)) {
    return target.toUpperCase();
  }
  if (sentenceStart && /^\p{Lu}/u.test(source) && /^\p{Ll}/u.test(target)) {
    return (target[0] ?? "").toUpperCase() + target.slice(1);
  }
  return target;
}

/**
 * A plural form ("Centres of Excellence") takes the other language's plural variant ("centres d'excellence") when
 * the glossary lists one, rather than the singular canonical term.
 */
function numberOf(
  form: Form,
  lang: Lang,
  term: GlossaryTerm,
  variants: readonly string[],
  counted: boolean,
): string | undefined {
  // Adjectives (demonyms) have no number in English: "européens" is "European".
  if (form.acronym || term.kind === "demonym") return undefined;
  if (!counted && (!plural(form.text, lang) || plural(term[lang], lang))) return undefined;
  const to = otherLang(lang);
  return variants.find((v) => !ARTICLE[to].test(v) && /\p{Ll}/u.test(v) && plural(v, to));
}

/** The head noun ends in s or x: the first word in French, the last before "of" in English. */
function plural(text: string, lang: Lang): boolean {
  const head = lang === "fr" ? text.split(/\s+/)[0] : (text.split(/\s+of\s+/)[0] ?? text).split(/\s+/).at(-1);
  return /\p{L}{2,}[sx]$/u.test(head ?? "") && !/ss$/u.test(head ?? "");
}

/** Written in capitals only, like "NATO", "CPEA" or "AP-OTAN". */
function isAcronym(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

function atSentenceStart(text: string, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    const c = text[k] ?? "";
    if (c === "\n") return true;
    if (/[\s«“"'‘([—–\-•*]/u.test(c)) continue;
    return /[.!?…]/u.test(c);
  }
  return true;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
}

function unifyPunctuation(c: string): string {
  if (/['’‘ʼ]/u.test(c)) return "'";
  if (/[-‐‑‒–]/u.test(c)) return "-";
  return c;
}

function stripAccent(c: string): string {
  const base = c.normalize("NFD").replace(/\p{M}+/gu, "");
  return base.length === 1 ? base : c;
}

/** Case- and accent-free key of one character, for indexing forms by their first letter. */
function fold(c: string): string {
  return stripAccent(unifyPunctuation(c)).toLowerCase();
}
