import { describe, expect, it } from "vitest";
import { accentVariants } from "../../src/core/text/accents.js";

describe("accentVariants", () => {
  it("gives the accented spellings of a French word typed without accents, not the word itself", () => {
    const variants = accentVariants("eleve");
    expect(variants).toContain("élevé");
    expect(variants).toContain("élève");
    expect(variants).not.toContain("eleve");
    expect(accentVariants("garcon")).toContain("garçon");
  });

  it("is bounded, and leaves alone words already accented or not in lower-case letters", () => {
    expect(accentVariants("ecouteraient").length).toBeLessThanOrEqual(64);
    expect(accentVariants("déjà")).toEqual([]);
    expect(accentVariants("Paris")).toEqual([]);
  });
});
