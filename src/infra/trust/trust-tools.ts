import type { BilingualLexicon } from "../../core/ports/bilingual-lexicon.port.js";
import type { TrustTools } from "../../core/trust/evidence.js";
import type { Glossary, GlossaryTerm } from "../offline/glossary.js";

/**
 * The trust layer's look-ups as the app wires them: the repository's glossary (every official form of a term in
 * both languages, a country with its demonym: a release naming the Netherlands backs "Dutch" and « néerlandais »)
 * and, when given, the bilingual lexicon from Apertium's dictionaries.
 */
export function createTrustTools(glossary: Glossary, lexicon?: BilingualLexicon): TrustTools {
  const related = new Map<GlossaryTerm, GlossaryTerm[]>();
  const byEn = new Map(glossary.terms.map((t) => [t.en, t]));
  for (const t of glossary.terms) {
    const country = t.of ? byEn.get(t.of) : undefined;
    if (!country) continue;
    related.set(t, [...(related.get(t) ?? []), country]);
    related.set(country, [...(related.get(country) ?? []), t]);
  }
  const forms = (t: GlossaryTerm) => ({ en: [t.en, ...t.enVariants], fr: [t.fr, ...t.frVariants] });
  return {
    terms: (text, lang) =>
      glossary
        .findTerms(text, lang)
        .flatMap((m) => [
          { source: m.source, forms: forms(m.term), kind: m.term.kind },
          ...(related.get(m.term) ?? []).map((t) => ({ source: m.source, forms: forms(t), kind: t.kind })),
        ]),
    lexicon,
  };
}
