import type { Brief, BriefPart } from "../../../src/core/domain/brief.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { LANGS } from "../../../src/core/domain/language.js";

export type LangChoice = Lang | "both";

/** A brief as plain text for a terminal: each language with its provenance label and the source links. */
export function renderBriefText(brief: Brief, choice: LangChoice = "both"): string {
  const langs = choice === "both" ? LANGS : [choice];
  const lines: string[] = [];
  const date = brief.release.published ? ` · ${brief.release.published}` : "";
  lines.push(`── Release ${brief.release.id}${date} ──`);
  for (const lang of langs) {
    lines.push("", ...renderPart(brief[lang], lang, brief.provenance[lang].label));
  }
  const links = Object.entries(brief.release.urls).map(([lang, url]) => `${lang.toUpperCase()}: ${url}`);
  if (links.length) lines.push("", `Source: ${links.join("  ")}`);
  if (brief.fallbackReason) lines.push(`Note: ${brief.fallbackReason}`);
  if (!brief.checks.ok) {
    lines.push(
      `Fact check: ${brief.checks.findings.length} item(s) not found in the source (${brief.checks.findings.map((f) => f.value).join(", ")})`,
    );
  }
  return lines.join("\n");
}

const WIDTH = 100;

function renderPart(part: BriefPart, lang: Lang, label: string): string[] {
  return [
    `[${lang.toUpperCase()}] ${part.headline}`,
    labelLine(label),
    ...wrap(part.summary, WIDTH - 2).map((l) => `  ${l}`),
    // Continuation lines of a key point stand under its text, not under the bullet.
    ...part.keyPoints.flatMap((p) => wrap(p, WIDTH - 4).map((l, i) => `${i === 0 ? "  • " : "    "}${l}`)),
  ];
}

/**
 * Where a text comes from, on its own line and as written: labels carry their own parentheses ("Machine
 * translation (offline, Apertium): may contain errors"), so they are not wrapped in another pair.
 */
export function labelLine(label: string): string {
  return `  ⓘ ${label}`;
}

/** Words into lines of at most `width` characters (a single longer word stays whole). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
