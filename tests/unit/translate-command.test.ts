import { describe, expect, it } from "vitest";
import { CommandHandler } from "../../src/core/commands/command-handler.js";
import { parseCommand } from "../../src/core/commands/parse-command.js";
import { translateText } from "../../src/core/commands/translate-command.js";
import type { Lang } from "../../src/core/domain/language.js";
import type { Translator } from "../../src/core/ports/translator.port.js";

/** Tags each segment with its direction, so the test sees what was asked and in which order. */
const tagging: Translator = {
  status: async (from, to) => ({ available: true, pipeline: `fake ${from}-${to}` }),
  translate: async (segments: string[], from: Lang, to: Lang) => segments.map((s) => `[${from}>${to}] ${s}`),
  close: async () => {},
};
const missing: Translator = {
  ...tagging,
  status: async () => ({ available: false, reason: "Apertium is not installed (apt-get install apertium)" }),
};

describe("translateText", () => {
  it("detects the source language, translates paragraph by paragraph and labels the result", async () => {
    const t = await translateText(tagging, {
      text: "Les Alliés ont convenu de renforcer leur soutien.\nIls l'ont dit hier.\n\nL'OTAN est prête.",
    });
    expect(t.from).toBe("fr");
    expect(t.to).toBe("en");
    expect(t.text).toBe(
      "[fr>en] Les Alliés ont convenu de renforcer leur soutien. Ils l'ont dit hier.\n\n[fr>en] L'OTAN est prête.",
    );
    expect(t.provenance).toEqual({
      kind: "machine-offline",
      label: "Machine translation (offline, Apertium): may contain errors",
      model: "fake fr-en",
    });
  });

  it("tells a short text's language without the detector: 'NATO signed a deal' is English", async () => {
    expect((await translateText(tagging, { text: "NATO signed a deal." })).from).toBe("en");
    expect((await translateText(tagging, { text: "L'OTAN a signé." })).from).toBe("fr");
    expect((await translateText(tagging, { text: "L'OTAN et l'UE" })).from).toBe("fr");
  });

  it("takes the direction it is given, one side of it being enough", async () => {
    expect((await translateText(tagging, { text: "NATO", to: "fr" })).from).toBe("en");
    expect((await translateText(tagging, { text: "OTAN", from: "fr" })).to).toBe("en");
  });

  it("reports an unavailable pipeline with its reason instead of failing", async () => {
    const t = await translateText(missing, { text: "NATO said.", to: "fr" });
    expect(t.provenance).toMatchObject({ kind: "unavailable", reason: expect.stringContaining("apt-get install") });
    expect(t.text).toBe("");
    expect((await translateText(undefined, { text: "NATO said." })).provenance.reason).toMatch(
      /OFFLINE_TRANSLATION=off/,
    );
  });

  it("refuses empty, over-long and same-language requests with the reason", async () => {
    await expect(translateText(tagging, { text: "  " })).rejects.toThrow(/needs some text/);
    await expect(translateText(tagging, { text: "x".repeat(2001) })).rejects.toThrow(
      /too long: 2,001 characters, at most 2,000/,
    );
    await expect(translateText(tagging, { text: "hi", from: "en", to: "en" })).rejects.toThrow(
      /between English and French/,
    );
  });
});

describe("translate in the chat command handler", () => {
  const handler = (translator?: Translator) =>
    new CommandHandler({
      store: undefined as never,
      briefs: undefined as never,
      ingest: undefined as never,
      translator,
    });
  const ctx = { userKey: "console:local", conversationKey: "console:local" };

  it("replies with the translation, and counts as slow (adapters show progress first)", async () => {
    const h = handler(tagging);
    const command = parseCommand("translate en>fr NATO said.");
    expect(h.isSlow(command)).toBe(true);
    const reply = await h.handle(command, ctx);
    expect(reply).toMatchObject({ kind: "translation", translation: { text: "[en>fr] NATO said.", to: "fr" } });
  });

  it("says translation is unavailable when no translator is configured", async () => {
    const reply = await handler().handle(parseCommand("translate NATO said."), ctx);
    expect(reply).toMatchObject({ kind: "translation", translation: { provenance: { kind: "unavailable" } } });
  });
});
