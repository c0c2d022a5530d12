import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { summarize } from "../../src/core/briefing/extractive-summarizer.js";
import type { ReleaseText } from "../../src/core/domain/release.js";

const lines = fs
  .readFileSync(new URL("../../samples/breton-defence-industry.fr.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim());
const sample: ReleaseText = { lang: "fr", title: lines[0]!, paragraphs: lines.slice(1), official: true };

describe("summarize", () => {
  const brief = summarize(sample);
  const all = [brief.headline, brief.summary, ...brief.keyPoints].join("\n");

  it("keeps the title as headline and gives 2–4 summary sentences and 3–6 key points", () => {
    expect(brief.headline).toBe(sample.title);
    expect(brief.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(brief.keyPoints.length).toBeLessThanOrEqual(6);
    const sentences = brief.summary.split(/(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])/u);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
  });

  it("covers the release's names and figures", () => {
    for (const fact of ["Stoltenberg", "Breton", "Geoană", "10 milliards", "Patriot", "155", "NSPA"])
      expect(all).toContain(fact);
  });

  it("only uses text of the release", () => {
    const source = sample.paragraphs.join(" ");
    for (const s of [brief.summary, ...brief.keyPoints]) {
      for (const chunk of s
        .split(/[.»«]/)
        .map((c) => c.trim())
        .filter((c) => c.length > 20)) {
        expect(source.toLowerCase()).toContain(chunk.toLowerCase().replace(/^./, (c) => c));
      }
    }
  });

  it("still gives three key points for a two-sentence release", () => {
    const tiny = summarize({
      lang: "en",
      title: "Allies meet",
      paragraphs: [
        "NATO Allies met in Brussels on Monday to discuss air defence, ammunition and support to Ukraine. Ministers agreed to increase production of 155mm shells, to speed up joint procurement, and to report back in June.",
      ],
      official: true,
    });
    expect(tiny.keyPoints.length).toBeGreaterThanOrEqual(3);
  });
});
