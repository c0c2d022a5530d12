import { describe, expect, it } from "vitest";
import { expandQuestion } from "../../src/core/qa/expansion.js";
import { defaultGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

const words = (t: string) => t.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
const tools = createTrustTools(defaultGlossary());
const expand = (q: string, lang: "en" | "fr") => expandQuestion(q, lang, tools, words);

describe("a question's acronym searches for its full name too, in both languages", () => {
  it("English: the AGS and the NRF are searched as their names, « la FIAS » as ISAF", () => {
    expect(expand("who commands the AGS force", "en").ags).toEqual(
      expect.arrayContaining(["Alliance Ground Surveillance", "Surveillance terrestre de l'Alliance"]),
    );
    expect(expand("how big is the NRF", "en").nrf).toEqual(
      expect.arrayContaining(["NATO Response Force", "Force de réaction de l'OTAN"]),
    );
    // The French acronym, written in capitals in an English question, is NATO's ISAF.
    expect(expand("when did the FIAS end", "en").fias).toEqual(
      expect.arrayContaining(["ISAF", "International Security Assistance Force"]),
    );
  });

  it("French: « le CAN » and the English « NAC » are the Conseil de l'Atlantique Nord", () => {
    for (const [q, w] of [
      ["qui préside le CAN", "can"],
      ["qui préside le NAC", "nac"],
    ] as const) {
      expect(expand(q, "fr")[w], q).toEqual(
        expect.arrayContaining(["North Atlantic Council", "Conseil de l'Atlantique Nord"]),
      );
    }
    expect(expand("quel est le rôle de l'AP-OTAN", "fr").otan).toEqual(
      expect.arrayContaining(["NATO Parliamentary Assembly", "Assemblée parlementaire de l'OTAN"]),
    );
  });

  it("an acronym is read in capitals only: 'can' of an English question and a question all in capitals are not one", () => {
    expect(expand("what can the council decide", "en").can ?? []).not.toContain("North Atlantic Council");
    expect(expand("WHAT CAN THE COUNCIL DECIDE", "en").can ?? []).not.toContain("North Atlantic Council");
  });
});
