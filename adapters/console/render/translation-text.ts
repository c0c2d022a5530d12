import type { Translation } from "../../../src/core/domain/translation.js";

/** A translation as plain text: the text, then its label, direction and pipeline (or why there is none). */
export function renderTranslationText(t: Translation): string {
  const direction = `${t.from.toUpperCase()} → ${t.to.toUpperCase()}`;
  if (t.provenance.kind === "unavailable") return `${t.provenance.label} (${direction}): ${t.provenance.reason ?? ""}`;
  const model = t.provenance.model ? ` · ${t.provenance.model}` : "";
  return `${t.text}\n\n— ${t.provenance.label} · ${direction}${model}`;
}
