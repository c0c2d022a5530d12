import type { DigestPart } from "../../src/core/digest/digest.js";
import type { Brief } from "../../src/core/domain/brief.js";

/** A brief with both languages and their provenance, as the offline engine writes one for a paired release. */
export function sampleBrief(overrides: Partial<Brief> = {}): Brief {
  return {
    release: {
      id: "r-2024-0213",
      sourceLanguage: "fr",
      published: "2024-02-13",
      titles: { en: "Allies discuss defence industry", fr: "Les Alliés évoquent l'industrie de défense" },
      urls: {
        en: "https://www.nato.int/cps/en/natohq/news_222.htm",
        fr: "https://www.nato.int/cps/fr/natohq/news_222.htm",
      },
    },
    en: {
      headline: "Allies discuss defence industrial capacity with Thierry Breton",
      summary: "NATO Secretary General Jens Stoltenberg received EU Commissioner Thierry Breton in Brussels.",
      keyPoints: ["Defence production must increase.", "Contracts of about 10 billion dollars.", "155 mm ammunition."],
    },
    fr: {
      headline: "Les Alliés évoquent la capacité industrielle de défense avec Thierry Breton",
      summary: "Jens Stoltenberg a reçu Thierry Breton à Bruxelles.",
      keyPoints: ["La production doit augmenter.", "Environ 10 milliards de dollars.", "Munitions de 155 mm."],
    },
    provenance: {
      en: { kind: "official", label: "Official NATO translation" },
      fr: { kind: "source", label: "Text of the release" },
    },
    engine: "offline",
    promptVersion: "extractive-1",
    contentHash: "abc123",
    usage: null,
    checks: { ok: true, checkedAt: "2024-02-13T10:00:00.000Z", findings: [] },
    createdAt: "2024-02-13T10:00:00.000Z",
    ...overrides,
  };
}

export function sampleDigestPart(itemCount = 2): DigestPart {
  return {
    digest: {
      subscriptionId: "s1",
      target: "teams:19:chan@thread.tacv2",
      period: "2024-02-14",
      languages: ["en", "fr"],
      topics: ["ukraine"],
      window: { since: "2024-02-13T07:00:00.000Z", until: "2024-02-14T07:00:00.000Z" },
      scheduledFor: "2024-02-14T07:00:00.000Z",
      timezone: "Europe/Brussels",
      delayed: false,
      omitted: 1,
      generatedAt: "2024-02-14T07:00:01.000Z",
    },
    items: Array.from({ length: itemCount }, (_, i) => ({
      releaseId: `r${i}`,
      published: "2024-02-13",
      text: {
        en: {
          headline: `Headline ${i} [x](https://evil.example)`,
          summary: "One sentence.",
          provenance: "source" as const,
          label: "Text of the release",
        },
        fr: {
          headline: `Titre ${i}`,
          summary: "Une phrase.",
          provenance: "official" as const,
          label: "Traduction officielle de l'OTAN",
        },
      },
      links: { en: `https://www.nato.int/en/${i}`, fr: `https://www.nato.int/fr/${i}` },
    })),
    index: 0,
    total: 1,
  };
}
