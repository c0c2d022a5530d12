import { z } from "zod";
import { cleanGeneratedText } from "../../core/briefing/clean-text.js";
import type { BriefPart } from "../../core/domain/brief.js";
import type { Lang } from "../../core/domain/language.js";

const partJsonSchema = {
  type: "object",
  properties: {
    headline: { type: "string" },
    summary: { type: "string" },
    keyPoints: { type: "array", items: { type: "string" } },
  },
  required: ["headline", "summary", "keyPoints"],
  additionalProperties: false,
} as const;

/**
 * The reply shape, for `response_format: json_schema` with `strict: true`: structured outputs need every property
 * required and `additionalProperties: false`, and support no length keywords, so counts are enforced below.
 */
export const BRIEF_JSON_SCHEMA = {
  type: "object",
  properties: { en: partJsonSchema, fr: partJsonSchema },
  required: ["en", "fr"],
  additionalProperties: false,
} as const;

export const MAX_KEY_POINTS = 6;

// Unknown keys are dropped, not refused: compatible servers that ignore the schema sometimes add some.
const partSchema = z.object({
  headline: z.string().min(1, "headline is empty"),
  summary: z.string().min(1, "summary is empty"),
  keyPoints: z.array(z.string()).min(1, "keyPoints needs at least one point"),
});
const briefSchema = z.object({ en: partSchema, fr: partSchema });

export type BriefOutput = { ok: true; parts: Record<Lang, BriefPart> } | { ok: false; error: string };

/**
 * Parses the model's reply (bare JSON, or JSON in a ```json fence), cleans every text (mentions, markup, URLs the
 * release lacks) and validates the cleaned result, so a field that was only markup counts as empty.
 */
export function parseBriefOutput(content: string | null | undefined, sourceText: string): BriefOutput {
  if (!content?.trim()) return { ok: false, error: "the reply was empty" };
  const fenced = /```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/.exec(content);
  const jsonText = (fenced?.[1] ?? content).trim();
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (err) {
    return { ok: false, error: `the reply is not valid JSON (${(err as Error).message})` };
  }
  const shape = briefSchema.safeParse(raw);
  if (!shape.success)
    return { ok: false, error: `the JSON does not match the brief shape:\n${z.prettifyError(shape.error)}` };

  const clean = (part: BriefPart): BriefPart => ({
    headline: cleanGeneratedText(part.headline, sourceText),
    summary: cleanGeneratedText(part.summary, sourceText),
    keyPoints: part.keyPoints
      .map((p) => cleanGeneratedText(p, sourceText))
      .filter((p) => p !== "")
      .slice(0, MAX_KEY_POINTS),
  });
  const cleaned = briefSchema.safeParse({ en: clean(shape.data.en), fr: clean(shape.data.fr) });
  if (!cleaned.success) {
    return { ok: false, error: `after removing markup, mentions and links:\n${z.prettifyError(cleaned.error)}` };
  }
  return { ok: true, parts: cleaned.data };
}
