/**
 * People ask with NATO's acronyms ("the AGS Force", « la NRF », « le CAN »); releases often spell the name out. The
 * glossary ties each acronym to its full name in both languages, so the question finds the release that never
 * writes the acronym, in its own language or the other's, and the other language's acronym too (« le NAC »).
 */
import { describe, expect, it } from "vitest";
import { textsHarness } from "./qa-corpus.js";

const GROUND_SURVEILLANCE = `Ground surveillance drones pass 500 missions
Sigonella, 3 March 2025 – The Alliance Ground Surveillance Force, led by Brigadier General Marta Lindqvist, has flown its 500th mission.
Its five RQ-4D drones are based in Sicily and fly over the Baltic Sea.
A spokesperson said the work would continue with national experts over the coming months, as agreed by the member countries.`;
const RESPONSE_FORCE = `Allies review readiness
Brussels, 4 March 2025 – The NATO Response Force now counts 40,000 troops ready to deploy within days.
Defence ministers reviewed the figures at their meeting.
A spokesperson said the work would continue with national experts over the coming months, as agreed by the member countries.`;
const DISTRACTOR = `Maritime force changes command
Naples, 5 March 2025 – Rear Admiral Paolo Greco now commands the maritime force of the Mediterranean, which counts 12 ships.
The force patrols the eastern Mediterranean.
A spokesperson said the work would continue with national experts over the coming months, as agreed by the member countries.`;
const CONSEIL = `Le Conseil de l'Atlantique Nord se réunit à Bruxelles
Bruxelles, 6 mars 2025 – Le Conseil de l'Atlantique Nord s'est réuni en présence des 32 Alliés sous la conduite du secrétaire général, Mark Rutte.
Les ambassadeurs ont examiné la situation en mer Noire.
Un porte-parole a indiqué que les travaux se poursuivraient avec les experts nationaux au cours des prochains mois.`;
const FORCE_FR = `Les Alliés examinent la disponibilité de leurs forces
Bruxelles, 7 mars 2025 – La Force de réaction de l'OTAN compte désormais 40 000 militaires prêts à être déployés en quelques jours.
Les ministres de la Défense ont examiné ces chiffres lors de leur réunion.
Un porte-parole a indiqué que les travaux se poursuivraient avec les experts nationaux au cours des prochains mois.`;
const DISTRACTOR_FR = `Une présidente pour le comité des budgets
Bruxelles, 8 mars 2025 – Mme Ana Ribeiro préside désormais le comité des budgets civils, qui compte 32 membres.
Le comité se réunit chaque mois.
Un porte-parole a indiqué que les travaux se poursuivraient avec les experts nationaux au cours des prochains mois.`;

const harness = () =>
  textsHarness({ GROUND_SURVEILLANCE, RESPONSE_FORCE, DISTRACTOR, CONSEIL, FORCE_FR, DISTRACTOR_FR });

describe("a question with an acronym finds the release that spells the name out", () => {
  it("English: the AGS Force is the Alliance Ground Surveillance Force, the NRF the NATO Response Force", async () => {
    const { ask, ids } = await harness();
    const a = await ask("Who leads the AGS Force?");
    expect(a.status).toBe("answered");
    expect(a.citations[0]?.releaseId).toBe(ids.GROUND_SURVEILLANCE);
    expect(a.text).toContain("Lindqvist");
    const b = await ask("How many troops does the NRF count?");
    expect(b.status).toBe("answered");
    expect(b.citations[0]?.releaseId).toBe(ids.RESPONSE_FORCE);
    expect(b.text).toContain("40,000");
  });

  it("French: « la NRF » est la Force de réaction de l'OTAN, « le CAN » et « le NAC » le Conseil de l'Atlantique Nord", async () => {
    const { ask, ids } = await harness();
    const a = await ask("Combien de militaires compte la NRF ?");
    expect(a.status).toBe("answered");
    expect(a.citations[0]?.releaseId).toBe(ids.FORCE_FR);
    expect(a.text).toContain("40 000");
    for (const q of ["Qui conduit les réunions du CAN ?", "Qui conduit les réunions du NAC ?"]) {
      const b = await ask(q);
      expect(b.status, q).toBe("answered");
      expect(b.citations[0]?.releaseId, q).toBe(ids.CONSEIL);
      expect(b.text, q).toContain("Rutte");
    }
  });
});
