import { fold } from "../text/fold.js";

/**
 * Class nouns of the field and the words that name a member of the class, in both languages: a question about
 * "the planes at Ämari" or « les moyens » is about what a release names as "Czech Gripens" or "frigates". A release
 * that names a member speaks of the class (coverage.ts); the reverse is not true ("which Gripens" is not answered by
 * a release about aircraft). Bounded: the equipment and people NATO releases name, written as a reader of any of
 * them would, not from any question. Each line: the class's words, then its members.
 */
const CLASSES: { classes: string[]; members: string[] }[] = [
  {
    classes: ["aircraft", "plane", "planes", "jet", "jets", "fighter", "fighters", "avion", "avions", "appareil"],
    members: [
      ...["appareils", "aéronef", "aéronefs", "chasseur", "chasseurs", "F-35", "F-35s", "F-16", "F-16s", "F-18"],
      ...["Gripen", "Gripens", "Rafale", "Rafales", "Eurofighter", "Eurofighters", "Typhoon", "Typhoons"],
      ...["Tornado", "Tornados", "Mirage", "A330", "A400M", "MRTT", "AWACS", "C-17", "P-8", "Poseidon"],
      ...["tanker", "tankers", "ravitailleur", "ravitailleurs", "helicopter", "helicopters", "hélicoptère"],
      ...["hélicoptères", "drone", "drones"],
    ],
  },
  {
    classes: ["ship", "ships", "vessel", "vessels", "warship", "warships", "navire", "navires", "bâtiment"],
    members: [
      ...["bâtiments", "frigate", "frigates", "frégate", "frégates", "destroyer", "destroyers", "corvette"],
      ...["corvettes", "minehunter", "minehunters", "chasseur de mines", "chasseurs de mines", "submarine"],
      ...["submarines", "sous-marin", "sous-marins", "aircraft carrier", "porte-avions", "patrol boat"],
    ],
  },
  {
    classes: ["asset", "assets", "capability", "capabilities", "moyen", "moyens", "capacité", "capacités"],
    members: [
      ...["frigate", "frigates", "frégate", "frégates", "destroyer", "destroyers", "submarine", "submarines"],
      ...["sous-marin", "sous-marins", "aircraft", "avion", "avions", "aéronef", "aéronefs", "drone", "drones"],
      ...["helicopter", "helicopters", "hélicoptère", "hélicoptères", "tank", "tanks", "char", "chars", "radar"],
      ...["radars", "ship", "ships", "navire", "navires"],
    ],
  },
  {
    // Small craft: "patrol boats" are what a French release calls « vedettes » or « patrouilleurs ».
    classes: ["boat", "boats", "patrol boat", "patrol boats", "bateau", "bateaux"],
    members: [
      ...["vedette", "vedettes", "patrouilleur", "patrouilleurs", "patrol vessel", "patrol vessels", "patrol boat"],
      ...["patrol boats", "boat", "boats"],
    ],
  },
  {
    classes: ["tank", "tanks", "char", "chars"],
    members: ["Leopard", "Leopards", "Leclerc", "Leclercs", "Abrams", "Challenger", "Challengers"],
  },
  {
    classes: ["people", "personne", "personnes", "staff", "personnel", "employee", "employees", "effectif"],
    members: [
      ...["effectifs", "military", "militaire", "militaires", "civilian", "civilians", "civil", "civils"],
      ...["soldier", "soldiers", "soldat", "soldats", "troops", "troupes", "employés", "agents"],
    ],
  },
];

const MEMBERS = new Map<string, string[]>();
for (const { classes, members } of CLASSES)
  for (const c of classes) MEMBERS.set(fold(c), [...(MEMBERS.get(fold(c)) ?? []), ...members]);

/** The words naming a member of the class the word names ("avions" → "Gripen", « chasseurs »…); [] for others. */
export function classMembers(word: string): readonly string[] {
  return MEMBERS.get(fold(word)) ?? [];
}
