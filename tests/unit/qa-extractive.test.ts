import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { Translator } from "../../src/core/ports/translator.port.js";
import { extractiveAnswer } from "../../src/core/qa/extractive-answer.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";

const match = (passage: Partial<Passage> & Pick<Passage, "releaseId" | "lang" | "text">): PassageMatch => ({
  passage: { id: `${passage.releaseId}:${passage.text.length}`, kind: "body", title: "T", ...passage },
  score: 1,
  coverage: 1,
  matched: 2,
  matchedName: false,
});

/** A translator that knows a few sentences by heart. */
function fakeTranslator(known: Record<string, string>, available = true): Translator {
  return {
    status: async () =>
      available ? { available: true, pipeline: "fake" } : { available: false, reason: "no Apertium here" },
    translate: async (segments: string[], _from: Lang, _to: Lang) => segments.map((s) => known[s] ?? s),
    close: async () => {},
  };
}

const fr = "Depuis juillet, la NSPA a autorisé des contrats pour 10 milliards de dollars.";
const en = "Since July, NSPA has authorised contracts worth 10 billion dollars.";

describe("extractiveAnswer", () => {
  it("translates a passage in the other language, labels it, and cites it", async () => {
    const a = await extractiveAnswer([match({ releaseId: "r1", lang: "fr", text: fr })], "en", {
      translator: fakeTranslator({ [fr]: en }),
      logger: silentLogger,
    });
    expect(a.text).toBe(
      `From the stored releases: ${en.replace(/\.$/, "")} [1]. Original (French): “${fr}”\n(Machine translation (offline, Apertium): may contain errors)`,
    );
    expect(a.numbers.releaseIds).toEqual(["r1"]);
  });

  it("quotes a stored translation labelled, then the original sentence, without translating anything now", async () => {
    const translator = fakeTranslator({});
    let calls = 0;
    const counting: Translator = {
      ...translator,
      translate: async (...args) => {
        calls++;
        return translator.translate(...args);
      },
    };
    const stored = match({
      releaseId: "r1",
      lang: "en",
      kind: "translation",
      text: en,
      original: { lang: "fr", text: fr },
    });
    const a = await extractiveAnswer([stored], "en", { translator: counting, logger: silentLogger });
    expect(a.text).toBe(
      `From the stored releases: ${en.replace(/\.$/, "")} [1]. Original (French): “${fr}”\n(Machine translation (offline, Apertium): may contain errors)`,
    );
    expect(calls).toBe(0);
    const frAnswer = await extractiveAnswer(
      [match({ releaseId: "r1", lang: "fr", kind: "translation", text: fr, original: { lang: "en", text: en } })],
      "fr",
      { translator: counting, logger: silentLogger },
    );
    expect(frAnswer.text).toContain(`[1]. Original (anglais) : « ${en} »`);
    expect(frAnswer.text).toContain("Traduction automatique (hors ligne, Apertium)");
  });

  it("says one thing once: a brief's translated sentence and the release's sentence translated now", async () => {
    const brief = match({
      releaseId: "r1",
      lang: "en",
      kind: "brief",
      text: en,
      label: "Machine translation (offline, Apertium): may contain errors",
    });
    const body = match({ releaseId: "r1", lang: "fr", text: fr });
    const a = await extractiveAnswer([brief, body], "en", {
      translator: fakeTranslator({ [fr]: en }),
      logger: silentLogger,
    });
    expect(a.text.match(/Since July/g)).toHaveLength(1);
  });

  it("quotes the original when the translation loses a figure, or when no translator is available", async () => {
    const wrong = await extractiveAnswer([match({ releaseId: "r1", lang: "fr", text: fr })], "en", {
      translator: fakeTranslator({ [fr]: "Since July, NSPA has authorised contracts worth 10 million dollars." }),
      logger: silentLogger,
    });
    expect(wrong.text).toContain("10 milliards de dollars [1].");
    expect(wrong.text).toContain("Extract in French, not translated: machine translation altered a figure");
    const none = await extractiveAnswer([match({ releaseId: "r1", lang: "fr", text: fr })], "en", {
      translator: fakeTranslator({}, false),
      logger: silentLogger,
    });
    expect(none.text).toContain("Extract in French, not translated: no Apertium here");
  });

  it("numbers releases by first citation and cleans pings out of quoted text", async () => {
    const a = await extractiveAnswer(
      [
        match({ releaseId: "r2", lang: "en", text: "@channel Allies agreed a plan." }),
        match({ releaseId: "r1", lang: "en", text: "The plan starts in May." }),
        match({ releaseId: "r2", lang: "en", text: "It covers air defence." }),
      ],
      "en",
      { logger: silentLogger },
    );
    expect(a.text).toBe(
      "From the stored releases: Allies agreed a plan [1]. The plan starts in May [2]. It covers air defence [1].",
    );
    expect(a.numbers.releaseIds).toEqual(["r2", "r1"]);
  });
});
