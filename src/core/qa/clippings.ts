import type { Lang } from "../domain/language.js";
import { fold } from "../text/fold.js";

/**
 * Chat clippings and short forms of common words of the field, and the words releases write instead, in both
 * languages: people type "helos", « hélicos », "satcom", « com » where a release says "helicopters", « hélicoptères »,
 * « communications par satellite ». Neither dictionary knows the short form, so without this the question's word
 * finds nothing, or is forgiven as a typo and the release that answers ranks below one that does not. Each short
 * form is read in the language it is a clipping of (« com » is French chat, ".com" is not a word of English), and
 * the list is bounded to general vocabulary: no name, no release's own wording.
 */
type Clipping = { forms: string[]; full: string[] };

const HELICOPTER = ["helicopter", "helicopters", "hélicoptère", "hélicoptères"];
const SATCOM = [
  "satellite communications",
  "satellite communication",
  "communications par satellite",
  "télécommunications par satellite",
];
const SUBMARINE = ["submarine", "submarines", "sous-marin", "sous-marins"];
const HEADQUARTERS = ["headquarters", "quartier général", "état-major"];
const INTELLIGENCE = ["intelligence", "renseignement", "renseignements"];
const OPERATIONS = ["operation", "operations", "opération", "opérations"];
const GOVERNMENT = ["government", "governments", "gouvernement", "gouvernements"];
const NUCLEAR = ["nuclear weapons", "nuclear weapon", "armes nucléaires", "arme nucléaire"];
const DRONES = ["drone", "drones", "unmanned aircraft"];
const SECRETARY_GENERAL = ["Secretary General", "secrétaire général"];

const CLIPPINGS: Record<Lang, Clipping[]> = {
  en: [
    { forms: ["helo", "helos", "heli", "helis", "helicos", "chopper", "choppers"], full: HELICOPTER },
    { forms: ["satcom", "satcoms", "milsatcom"], full: SATCOM },
    { forms: ["comms", "telecoms"], full: ["communications", "telecommunications", "télécommunications"] },
    { forms: ["sub", "subs"], full: SUBMARINE },
    { forms: ["hq", "hqs"], full: HEADQUARTERS },
    { forms: ["intel"], full: INTELLIGENCE },
    { forms: ["recon"], full: ["reconnaissance", "surveillance"] },
    { forms: ["ops"], full: OPERATIONS },
    { forms: ["govt", "gov"], full: GOVERNMENT },
    { forms: ["nukes", "nuke"], full: NUCLEAR },
    { forms: ["uav", "uavs"], full: DRONES },
    { forms: ["secgen"], full: SECRETARY_GENERAL },
  ],
  fr: [
    { forms: ["hélico", "hélicos", "helico", "helicos"], full: HELICOPTER },
    { forms: ["satcom", "satcoms"], full: SATCOM },
    {
      forms: ["com", "comm", "comms", "télécom", "télécoms", "telecom", "telecoms"],
      full: ["communications", "télécommunications", "telecommunications"],
    },
    { forms: ["qg"], full: HEADQUARTERS },
    { forms: ["rens"], full: INTELLIGENCE },
    { forms: ["ops", "opé", "opés"], full: OPERATIONS },
    { forms: ["gouv"], full: GOVERNMENT },
    { forms: ["nukes", "nuke"], full: NUCLEAR },
    { forms: ["uav"], full: DRONES },
    { forms: ["secgen"], full: SECRETARY_GENERAL },
  ],
};

const BY_FORM: Record<Lang, Map<string, string[]>> = { en: new Map(), fr: new Map() };
for (const lang of ["en", "fr"] as const)
  for (const { forms, full } of CLIPPINGS[lang]) for (const f of forms) BY_FORM[lang].set(fold(f), full);

/** The full words a clipped word of a `lang` question stands for ("helos" → "helicopters", « hélicoptères »…). */
export function clippingOf(word: string, lang: Lang): readonly string[] {
  return BY_FORM[lang].get(fold(word.toLowerCase())) ?? [];
}
