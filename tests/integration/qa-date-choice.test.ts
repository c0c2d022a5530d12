/**
 * A month without a year ("in February") is read as the last one, and a date as when a release was published; but
 * when another year's February, or the question searched whole with its date as a word, answers more of the
 * question, that is the retrieval answered from.
 */
import { describe, expect, it } from "vitest";
import { textsHarness } from "./qa-corpus.js";

const LAST_FEBRUARY = `Logistics ministers review rail links
Brussels, 11 February 2025 – NATO logistics ministers decided to review the rail links of the eastern flank.
The review will be presented to the Allies in the summer.
A spokesperson said the work would continue with national experts over the coming months, as agreed by the member countries.`;
const EARLIER_FEBRUARY = `Allies build fuel depots
Brussels, 14 February 2024 – NATO logistics ministers decided to build four new fuel depots in Poland.
The depots will hold fuel for armoured units.
A spokesperson said the work would continue with national experts over the coming months, as agreed by the member countries.`;
const JUNE_PATROL = `New boats on patrol
Gdansk, 10 June 2024 – The first patrol of the new boats took place off the Polish coast.
The crews trained for three months before it.
A spokesperson said the work would continue with national experts over the coming months, as agreed by the member countries.`;
const BOATS_ORDERED = `Allies order patrol boats
Brussels, 5 March 2025 – Allies ordered 40 patrol boats for the Baltic Sea.
The first delivery of the patrol boats is planned for June.
A spokesperson said the work would continue with national experts over the coming months, as agreed by the member countries.`;

const harness = () => textsHarness({ LAST_FEBRUARY, EARLIER_FEBRUARY, JUNE_PATROL, BOATS_ORDERED });

describe("a question's month or date", () => {
  it("takes an earlier year's February when it answers more of the question than last February", async () => {
    const { ask, ids } = await harness();
    const a = await ask("What did logistics ministers decide about fuel depots in February?");
    expect(a.status).toBe("answered");
    expect(a.citations[0]?.releaseId).toBe(ids.EARLIER_FEBRUARY);
    expect(a.text).toContain("four new fuel depots");
    // Last February still answers what it answers best.
    const b = await ask("What did logistics ministers decide about rail links in February?");
    expect(b.citations[0]?.releaseId).toBe(ids.LAST_FEBRUARY);
  });

  it("reads the month as what is asked when the question searched whole answers more of it", async () => {
    const { ask, ids } = await harness();
    const a = await ask("Is the first patrol boat delivery in June?");
    expect(a.status).toBe("answered");
    expect(a.citations[0]?.releaseId).toBe(ids.BOATS_ORDERED);
    expect(a.text).toContain("planned for June");
  });
});
