import { afterAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { ApertiumTranslator } from "../../src/infra/offline/apertium-translator.js";
import { defaultGlossary } from "../../src/infra/offline/glossary.js";
import { createOfflineTranslation } from "../../src/infra/offline/offline-translation.js";

// Real Apertium through the app's pipeline (pivot, glossary, protection, rules); skipped only without the packages.
const probe = new ApertiumTranslator();
const installed = (await probe.status("fr", "en")).available && (await probe.status("en", "fr")).available;
await probe.close();
if (!installed) console.warn("Skipping offline phrase tests: Apertium is not installed");

describe.skipIf(!installed)("common military phrases through the offline translation", () => {
  const translation = createOfflineTranslation({ glossary: defaultGlossary() });
  afterAll(() => translation.close());
  const translate = async (text: string, from: Lang) =>
    (await translation.text.translate([text], from, from === "en" ? "fr" : "en"))[0];

  it("French → English: NATO's phrases, not word for word (« avions » is no verb, « chasse » no hunting)", async () => {
    const jets = await translate("Les avions de chasse de l'OTAN ont décollé.", "fr");
    expect(jets).toContain("The fighter jets of NATO");
    expect(jets).not.toMatch(/hunting|Have/);
    expect(await translate("Le quartier général est à Bruxelles.", "fr")).toBe("The headquarters is in Brussels.");
    expect(await translate("Trois navires de guerre sont arrivés au port.", "fr")).toContain("Three warships");
    expect(await translate("L'OTAN joue un rôle dans la gestion de crise.", "fr")).toContain("in crisis management");
    expect(await translate("Les Alliés ont discuté de la maîtrise des armements.", "fr")).toContain("arms control");
  });

  it("English → French: the plural of 'aircraft' after a number, the article a French sentence opens with", async () => {
    expect(await translate("Two maritime patrol aircraft joined the mission.", "en")).toMatch(
      /^Deux avions de patrouille maritime ont /,
    );
    expect(await translate("Minehunters cleared the sea.", "en")).toMatch(/^Les chasseurs de mines ont /);
    expect(await translate("Nuclear deterrence remains essential.", "en")).toMatch(/^La dissuasion nucléaire reste /);
    expect(await translate("The battlegroups are ready.", "en")).toMatch(/^Les groupements tactiques sont /);
  });

  it("a common term inside a longer name is left to the name: « forces armées canadiennes »", async () => {
    expect(
      await translate("The mission is led by Major General Dany Fortin of the Canadian Armed Forces.", "en"),
    ).toContain("des forces armées canadiennes");
  });
});
