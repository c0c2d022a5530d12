import type { DigestItem, DigestPart } from "../../../src/core/digest/digest.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { type AdaptiveCard, type CardElement, card, text } from "./card-types.js";
import { escapeCardText, link, truncate } from "./escape.js";
import { LANGUAGE_LABEL } from "./languages.js";

const MAX_URL = 2_000;

/**
 * One part of a digest as an Adaptive Card: a header (period, part n of m, late notice), then per release the
 * headline and one sentence in each of the subscription's languages with their provenance labels, and links.
 * The fan-out sizes parts with `cardBytes(digestCard(part))`, so a part that fits is never cut here.
 */
export function digestCard(part: DigestPart): AdaptiveCard {
  const d = part.digest;
  const of = part.total > 1 ? ` (${part.index + 1}/${part.total})` : "";
  const body: CardElement[] = [
    text(escapeCardText(`NATO digest · ${d.period}${of}`), { weight: "Bolder", size: "Medium" }),
  ];
  if (d.topics.length) {
    body.push(text(escapeCardText(`Topics: ${truncate(d.topics.join(", "), 300)}`), { size: "Small", isSubtle: true }));
  }
  if (d.delayed) {
    body.push(text("Posted later than scheduled (caught up after a restart).", { size: "Small", isSubtle: true }));
  }
  if (part.items.length === 0 && part.index === 0) {
    body.push(text("Nothing new since the last digest."));
  }
  part.items.forEach((item, i) => {
    body.push({ type: "Container", items: itemElements(item, d.languages), separator: i > 0, spacing: "Medium" });
  });
  if (part.index === part.total - 1 && d.omitted > 0) {
    body.push(text(`${d.omitted} more matching release(s) left out to keep the digest short.`, { size: "Small" }));
  }
  const first = part.items[0];
  const fallback = first ? headlineOf(first, d.languages) : `NATO digest ${d.period}`;
  return card(body, [], truncate(fallback, 200));
}

function itemElements(item: DigestItem, languages: Lang[]): CardElement[] {
  const out: CardElement[] = [];
  for (const lang of languages) {
    const t = item.text[lang];
    if (!t) continue;
    out.push(text(escapeCardText(truncate(t.headline, 300)), { weight: "Bolder" }));
    out.push(
      text(escapeCardText(`${LANGUAGE_LABEL[lang]} · ${truncate(t.label, 200)}`), {
        size: "Small",
        isSubtle: true,
        spacing: "None",
      }),
    );
    if (t.summary) out.push(text(escapeCardText(truncate(t.summary, 1_000)), { spacing: "Small" }));
  }
  const date = item.published ? `${item.published} · ` : "";
  const links = (["en", "fr"] as const)
    .map((lang) => {
      const url = item.links[lang];
      return url && url.length <= MAX_URL ? link(url, LANGUAGE_LABEL[lang]) : undefined;
    })
    .filter(Boolean)
    .join(" · ");
  out.push(text(`${escapeCardText(date)}${links || escapeCardText(`release ${item.releaseId}`)}`, { size: "Small" }));
  return out;
}

function headlineOf(item: DigestItem, languages: Lang[]): string {
  for (const lang of languages) {
    const t = item.text[lang];
    if (t?.headline) return t.headline;
  }
  return item.releaseId;
}
