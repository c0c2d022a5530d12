/**
 * The guard under measurement, wired as the app wires it: what a brief or an answer loses when checked against
 * its release or passages. Each returns the sentences (or whole fields) the check would not show.
 */
import { checkFacts } from "../../src/core/briefing/fact-guard.js";
import type { BriefPart } from "../../src/core/domain/brief.js";
import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";
import { checkModelAnswer } from "../../src/core/qa/answer-check.js";
import type { NumberedPassage } from "../../src/core/qa/answer-model.port.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";

const glossary = loadGlossary();
const equivalents = (text: string, from: Lang, to: Lang) =>
  glossary.findTerms(text, from).map((m) => (to === from ? m.source : m.target));

export const guardName = "fact-guard (glossary equivalents), before issue 11";

/** Units of the brief the guard flags, each with what it found. */
export function flagBrief(part: BriefPart, lang: Lang, release: Pick<Release, "texts">): Map<string, string[]> {
  const check = checkFacts({ [lang]: part }, release, { equivalents });
  const out = new Map<string, string[]>();
  for (const f of check.findings) out.set(f.where, [...(out.get(f.where) ?? []), `${f.kind}:${f.value}`]);
  return out;
}

/** Sentences of the answer that are dropped, with why. */
export function flagAnswer(text: string, lang: Lang, passages: NumberedPassage[]): Map<string, string[]> {
  const checked = checkModelAnswer(text, lang, passages, equivalents);
  return new Map(checked.dropped.map((d) => [d.sentence, [d.why]]));
}
