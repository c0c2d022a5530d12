import type { Brief } from "../../../src/core/domain/brief.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { encodeCardAction } from "./card-actions.js";
import {
  type AdaptiveCard,
  type CardButton,
  type CardElement,
  card,
  cardBytes,
  MAX_CARD_BYTES,
  text,
} from "./card-types.js";
import { escapeCardText, link, safeUrl, truncate } from "./escape.js";
import { LANGUAGE_LABEL, preferenceOf } from "./languages.js";

export interface BriefCardOptions {
  /** Languages to show, in order (see `languagesFor`). */
  languages: Lang[];
  /** Budget for the card JSON (UTF-16 bytes); Teams' advice by default. */
  maxBytes?: number;
}

interface Limits {
  headline: number;
  summary: number;
  point: number;
  points: number;
}

/** Tried in order until the card fits: untouched first, then ever shorter. The last one always fits. */
const STEPS: Limits[] = [
  {
    headline: Number.POSITIVE_INFINITY,
    summary: Number.POSITIVE_INFINITY,
    point: Number.POSITIVE_INFINITY,
    points: 99,
  },
  { headline: 400, summary: 6_000, point: 1_500, points: 6 },
  { headline: 300, summary: 2_000, point: 500, points: 6 },
  { headline: 200, summary: 800, point: 250, points: 4 },
  { headline: 150, summary: 300, point: 0, points: 0 },
];

/** A release URL longer than this is left out rather than risk the card. */
const MAX_URL = 2_000;

/**
 * One brief as an Adaptive Card 1.5: per language its headline, where the text comes from (the provenance label),
 * summary and key points; links to the release in each language NATO published; notes from the fact guard and
 * fallback; buttons to switch language and rate the brief. Pure: same brief, same card.
 */
export function briefCard(brief: Brief, options: BriefCardOptions): AdaptiveCard {
  const max = options.maxBytes ?? MAX_CARD_BYTES;
  let last: AdaptiveCard | undefined;
  for (const limits of STEPS) {
    last = build(brief, options.languages, limits);
    if (cardBytes(last) <= max) return last;
  }
  return last as AdaptiveCard;
}

function build(brief: Brief, languages: Lang[], limits: Limits): AdaptiveCard {
  let shortened = false;
  const cut = (value: string, max: number) => {
    const out = truncate(value, max);
    if (out !== value) shortened = true;
    return escapeCardText(out);
  };
  const body: CardElement[] = [text(header(brief), { size: "Small", isSubtle: true, spacing: "None" })];
  languages.forEach((lang, i) => {
    const part = brief[lang];
    const provenance = brief.provenance[lang];
    const items: CardElement[] = [];
    if (part.headline) items.push(text(cut(part.headline, limits.headline), { weight: "Bolder", size: "Medium" }));
    const reason = provenance.kind === "unavailable" && provenance.reason ? ` (${provenance.reason})` : "";
    items.push(
      text(escapeCardText(`${LANGUAGE_LABEL[lang]} · ${truncate(`${provenance.label}${reason}`, 300)}`), {
        size: "Small",
        isSubtle: true,
        spacing: "None",
      }),
    );
    if (part.summary) items.push(text(cut(part.summary, limits.summary)));
    const points = part.keyPoints.slice(0, limits.points);
    if (points.length < part.keyPoints.length) shortened = true;
    if (points.length && limits.point > 0) {
      items.push(text(points.map((p) => `- ${cut(p, limits.point)}`).join("\n"), { spacing: "Small" }));
    }
    body.push({ type: "Container", items, separator: i > 0, spacing: i > 0 ? "Medium" : "Small" });
  });

  const links = sourceLinks(brief);
  if (links) body.push(text(`Source: ${links}`, { size: "Small", separator: true }));
  if (brief.fallbackReason) {
    body.push(text(escapeCardText(`Note: ${truncate(brief.fallbackReason, 500)}`), { size: "Small", isSubtle: true }));
  }
  if (!brief.checks.ok) {
    const values = brief.checks.findings.map((f) => truncate(f.value, 80)).slice(0, 10);
    body.push(
      text(
        escapeCardText(
          `Fact check: ${brief.checks.findings.length} item(s) not found in the source (${values.join(", ")})`,
        ),
        { size: "Small", color: "Warning" },
      ),
    );
  }
  if (shortened) {
    const full = link(releaseUrl(brief, languages), "read the full release");
    body.push(text(`Shortened to fit a Teams message${full ? `: ${full}` : "."}`, { size: "Small", color: "Warning" }));
  }
  body.push(text(escapeCardText(`Brief: ${brief.engine}`), { size: "Small", isSubtle: true, spacing: "Small" }));
  const fallback = brief[languages[0] ?? "en"].headline || brief.release.id;
  return card(body, buttons(brief, languages), truncate(fallback, 200));
}

function header(brief: Brief): string {
  const date = brief.release.published ? ` · ${brief.release.published}` : "";
  return escapeCardText(`NATO release${date} · ${truncate(brief.release.id, 40)}`);
}

function usableUrl(url: string | undefined): string | undefined {
  return url && url.length <= MAX_URL ? safeUrl(url) : undefined;
}

function sourceLinks(brief: Brief): string {
  return (["en", "fr"] as const)
    .map((lang) => link(usableUrl(brief.release.urls[lang]), LANGUAGE_LABEL[lang]))
    .filter(Boolean)
    .join(" · ");
}

function releaseUrl(brief: Brief, languages: Lang[]): string | undefined {
  for (const lang of [...languages, brief.release.sourceLanguage]) {
    const url = usableUrl(brief.release.urls[lang]);
    if (url) return url;
  }
  return undefined;
}

function buttons(brief: Brief, languages: Lang[]): CardButton[] {
  const shown = preferenceOf(languages);
  const choices = (["en", "fr", "both"] as const).filter((l) => l !== shown);
  const out: CardButton[] = choices.map((language) => ({
    type: "Action.Submit",
    title: LANGUAGE_LABEL[language],
    data: encodeCardAction({ action: "lang", releaseId: brief.release.id, language }),
  }));
  const key = { contentHash: brief.contentHash, engine: brief.engine, promptVersion: brief.promptVersion };
  // A value the decoder would refuse (over 200 characters) makes a button that cannot work: leave it out.
  if (
    [key.contentHash, key.engine, key.promptVersion, brief.release.id].every((v) => v.length > 0 && v.length <= 200)
  ) {
    for (const [vote, title] of [
      ["up", "👍"],
      ["down", "👎"],
    ] as const) {
      out.push({
        type: "Action.Submit",
        title,
        tooltip: vote === "up" ? "Useful brief" : "Not useful",
        data: encodeCardAction({ action: "feedback", vote, releaseId: brief.release.id, ...key }),
      });
    }
  }
  return out;
}
