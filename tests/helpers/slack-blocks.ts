import type { Brief } from "../../src/core/domain/brief.js";

/** A brief with every field settable, for renderer tests. */
export function makeBrief(over: Partial<Brief> & { id?: string } = {}): Brief {
  const id = over.id ?? "abc1234567";
  return {
    release: {
      id,
      sourceLanguage: "fr",
      published: "2024-02-13",
      titles: { fr: "Titre", en: "Title" },
      urls: {
        fr: `https://www.nato.int/cps/fr/natohq/news_${id}.htm`,
        en: `https://www.nato.int/cps/en/natohq/news_${id}.htm`,
      },
    },
    en: {
      headline: "Allies discuss defence industry",
      summary: "NATO met the EU commissioner.",
      keyPoints: ["One", "Two", "Three"],
    },
    fr: {
      headline: "Les Alliés évoquent l'industrie",
      summary: "L'OTAN a reçu le commissaire.",
      keyPoints: ["Un", "Deux", "Trois"],
    },
    provenance: {
      fr: { kind: "source", label: "Source text (release)" },
      en: { kind: "machine-offline", label: "Machine translation (offline, Apertium): may contain errors" },
    },
    engine: "offline",
    promptVersion: "extractive-1",
    contentHash: `hash-${id}`,
    usage: null,
    checks: { ok: true, checkedAt: "2024-02-13T10:00:00Z", findings: [] },
    createdAt: "2024-02-13T10:00:00Z",
    ...over,
  };
}

const BLOCK_TYPES = new Set(["header", "section", "context", "actions", "divider"]);

/**
 * Structural checks of Block Kit JSON we produce, from Slack's block reference: known block types, text objects
 * with a type and text, buttons with action ids (unique within their block) and labels, unique block ids.
 * Returns the problems found (empty when fine).
 */
export function blockKitProblems(blocks: unknown[]): string[] {
  const problems: string[] = [];
  const blockIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = raw as Record<string, unknown>;
    const where = `block ${i} (${String(b.type)})`;
    if (!BLOCK_TYPES.has(String(b.type))) problems.push(`${where}: unknown type`);
    if (typeof b.block_id === "string") {
      if (blockIds.has(b.block_id)) problems.push(`${where}: duplicate block_id ${b.block_id}`);
      if (b.block_id.length > 255) problems.push(`${where}: block_id too long`);
      blockIds.add(b.block_id);
    }
    if (b.type === "header" || b.type === "section")
      problems.push(...textObjectProblems(b.text, where, b.type === "header"));
    const accessory = b.accessory as Record<string, unknown> | undefined;
    if (accessory) {
      if (b.type !== "section" || accessory.type !== "button")
        problems.push(`${where}: accessory ${String(accessory.type)}`);
      if (!accessory.action_id) problems.push(`${where}: accessory without action_id`);
      problems.push(...textObjectProblems(accessory.text, `${where} accessory`, true));
    }
    if (b.type === "context") {
      const elements = b.elements as unknown[];
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
        problems.push(`${where}: 1–10 elements`);
      for (const e of elements ?? []) problems.push(...textObjectProblems(e, where, false));
    }
    if (b.type === "actions") {
      const elements = b.elements as Record<string, unknown>[];
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25)
        problems.push(`${where}: 1–25 elements`);
      const ids = new Set<string>();
      for (const e of elements ?? []) {
        if (e.type !== "button") problems.push(`${where}: element ${String(e.type)}`);
        const id = String(e.action_id ?? "");
        if (!id || id.length > 255 || ids.has(id)) problems.push(`${where}: bad or duplicate action_id "${id}"`);
        ids.add(id);
        problems.push(...textObjectProblems(e.text, `${where} button ${id}`, true));
        if (typeof e.value === "string" && e.value.length > 2000) problems.push(`${where}: value over 2000`);
      }
    }
  });
  return problems;
}

function textObjectProblems(raw: unknown, where: string, plainOnly: boolean): string[] {
  const t = raw as { type?: unknown; text?: unknown } | undefined;
  if (!t || typeof t.text !== "string" || t.text.length === 0) return [`${where}: missing text`];
  if (t.type !== "plain_text" && t.type !== "mrkdwn") return [`${where}: text type ${String(t.type)}`];
  if (plainOnly && t.type !== "plain_text") return [`${where}: must be plain_text`];
  return [];
}
