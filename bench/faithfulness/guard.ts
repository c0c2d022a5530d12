/**
 * The guard under measurement, wired as the app wires it (glossary + Apertium lexicon): what a brief or an answer
 * loses when checked against its release or passages. Each returns the units it would not show, with why.
 */
import { checkPart, releaseEvidence } from "../../src/core/briefing/fact-guard.js";
import type { BriefPart } from "../../src/core/domain/brief.js";
import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";
import { checkModelAnswer } from "../../src/core/qa/answer-check.js";
import type { NumberedPassage } from "../../src/core/qa/answer-model.port.js";
import { ApertiumLexicon } from "../../src/infra/lexicon/apertium-lexicon.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

// FAITHFULNESS_LEXICON=off measures the guard without the Apertium lexicon; FAITHFULNESS_GLOSSARY=FILE with
// another glossary (e.g. the one before issue 11) — both to see what the mechanisms do on their own.
const useLexicon = process.env.FAITHFULNESS_LEXICON !== "off";
const lexicon = new ApertiumLexicon();
if (useLexicon) await lexicon.ready();
const glossaryFile = process.env.FAITHFULNESS_GLOSSARY;
const tools = createTrustTools(loadGlossary(glossaryFile), useLexicon ? lexicon : undefined);

export const guardName = `trust layer (glossary ${glossaryFile ?? "glossary/nato-en-fr.json"} + ${
  !useLexicon ? "no lexicon" : lexicon.available() ? "Apertium lexicon" : "Apertium lexicon NOT AVAILABLE"
})`;

/** Units of the brief the guard flags, each with what it found. */
export function flagBrief(part: BriefPart, lang: Lang, release: Pick<Release, "texts">): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of checkPart(part, lang, releaseEvidence(release, tools))) {
    if (u.findings.length > 0)
      out.set(
        u.text,
        u.findings.map((f) => `${f.kind}:${f.value}`),
      );
  }
  return out;
}

/** Sentences of the answer that are dropped, with why. */
export function flagAnswer(text: string, lang: Lang, passages: NumberedPassage[]): Map<string, string[]> {
  const checked = checkModelAnswer(text, lang, passages, tools);
  return new Map(checked.dropped.map((d) => [d.sentence, [d.why]]));
}
