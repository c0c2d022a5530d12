import {
  type Conjugation,
  type EnglishVerb,
  englishConjugation,
  type FrenchVerb,
  regularEnglish,
  regularFrench,
} from "./conjugation.js";

/**
 * Light-verb constructions ("faire un exposé" is "give a presentation", not "do an exposure") and verbs whose
 * dictionary sense is wrong in NATO's releases ("rencontrer" is "meet", not "find"; "met" is "a rencontré",
 * not "a accompli"). Each phrase is found in any tense and rendered in the same tense in the other language.
 */
export interface VerbPhrase {
  fr: FrenchVerb;
  en: Conjugation;
  /** Objects or particles after the verb, paired across languages ("un exposé" ↔ "a presentation"). */
  objects: { fr: string; en: string }[];
  directions: readonly ("fr-en" | "en-fr")[];
  /** What must follow the English verb for the phrase to apply (a transitive "met" takes an object). */
  enNext?: RegExp;
}

const BOTH = ["fr-en", "en-fr"] as const;
const FR_EN = ["fr-en"] as const;
const EN_FR = ["en-fr"] as const;

const en = (v: Partial<EnglishVerb> & { base: string }) => englishConjugation({ ...regularEnglish(v.base), ...v });
const fr = (v: FrenchVerb) => v;
const FAIRE = fr({
  inf: "faire",
  p3s: "fait",
  p3p: "font",
  pp: "fait",
  fut: "fer",
  imp: "fais",
  ps: ["fit", "firent"],
  ppr: "faisant",
});
const METTRE = fr({
  inf: "mettre",
  p3s: "met",
  p3p: "mettent",
  pp: "mis",
  fut: "mettr",
  imp: "mett",
  ps: ["mit", "mirent"],
  ppr: "mettant",
});
const PRENDRE = fr({
  inf: "prendre",
  p3s: "prend",
  p3p: "prennent",
  pp: "pris",
  fut: "prendr",
  imp: "pren",
  ps: ["prit", "prirent"],
  ppr: "prenant",
});
const TENIR = fr({
  inf: "tenir",
  p3s: "tient",
  p3p: "tiennent",
  pp: "tenu",
  fut: "tiendr",
  imp: "ten",
  ps: ["tint", "tinrent"],
  ppr: "tenant",
});
const RENDRE = fr({
  inf: "rendre",
  p3s: "rend",
  p3p: "rendent",
  pp: "rendu",
  fut: "rendr",
  imp: "rend",
  ps: ["rendit", "rendirent"],
  ppr: "rendant",
});
const AVOIR = fr({
  inf: "avoir",
  p3s: "a",
  p3p: "ont",
  pp: "eu",
  fut: "aur",
  imp: "av",
  ps: ["eut", "eurent"],
  ppr: "ayant",
});
const ENTRETENIR = fr({
  inf: "entretenir",
  p3s: "entretient",
  p3p: "entretiennent",
  pp: "entretenu",
  fut: "entretiendr",
  imp: "entreten",
  ps: ["entretint", "entretinrent"],
  ppr: "entretenant",
  reflexive: true,
});
const REUNIR = fr({
  inf: "réunir",
  p3s: "réunit",
  p3p: "réunissent",
  pp: "réuni",
  fut: "réunir",
  imp: "réuniss",
  ps: ["réunit", "réunirent"],
  ppr: "réunissant",
  reflexive: true,
});

const GIVE = en({ base: "give", s: "gives", past: "gave", pp: "given", ing: "giving" });
const MAKE = en({ base: "make", past: "made", pp: "made" });
const TAKE = en({ base: "take", past: "took", pp: "taken" });
const HOLD = en({ base: "hold", past: "held", pp: "held" });
const PAY = en({ base: "pay", past: "paid", pp: "paid" });
const MEET = en({ base: "meet", past: "met", pp: "met", ing: "meeting" });
const SAY = en({ base: "say", past: "said", pp: "said" });
const SET = en({ base: "set", past: "set", pp: "set", ing: "setting" });
const BE_HELD: Conjugation = {
  inf: { sg: "be held", pl: "be held" },
  pres: { sg: "is held", pl: "are held" },
  past: { sg: "was held", pl: "were held" },
  perf: { sg: "has been held", pl: "have been held" },
  pluperf: { sg: "had been held", pl: "had been held" },
  fut: { sg: "will be held", pl: "will be held" },
  cond: { sg: "would be held", pl: "would be held" },
  ger: { sg: "being held", pl: "being held" },
};

const TRANSITIVE = /^\s+(?:with\s+)?(?:(?:the|a|an|his|her|their|its)(?!\p{L})|\p{Lu})/u;

export const VERB_PHRASES: VerbPhrase[] = [
  {
    fr: FAIRE,
    en: GIVE,
    objects: [
      { fr: "un exposé", en: "a presentation" },
      { fr: "des exposés", en: "presentations" },
    ],
    directions: BOTH,
  },
  {
    fr: FAIRE,
    en: MAKE,
    objects: [
      { fr: "une déclaration", en: "a statement" },
      { fr: "des déclarations", en: "statements" },
    ],
    directions: BOTH,
  },
  {
    fr: regularFrench("prononcer"),
    en: en({ base: "deliver" }),
    objects: [{ fr: "un discours", en: "a speech" }],
    directions: BOTH,
  },
  { fr: regularFrench("prononcer"), en: GIVE, objects: [{ fr: "un discours", en: "a speech" }], directions: EN_FR },
  { fr: METTRE, en: en({ base: "focus" }), objects: [{ fr: "l'accent sur", en: "on" }], directions: BOTH },
  { fr: FAIRE, en: TAKE, objects: [{ fr: "le point sur", en: "stock of" }], directions: BOTH },
  { fr: AVOIR, en: TAKE, objects: [{ fr: "lieu", en: "place" }], directions: BOTH },
  { fr: { ...TENIR, reflexive: true }, en: BE_HELD, objects: [{ fr: "", en: "" }], directions: FR_EN },
  { fr: ENTRETENIR, en: HOLD, objects: [{ fr: "avec", en: "talks with" }], directions: BOTH },
  {
    fr: PRENDRE,
    en: TAKE,
    objects: [
      { fr: "part aux", en: "part in the" },
      { fr: "part au", en: "part in the" },
      { fr: "part à", en: "part in" },
    ],
    directions: BOTH,
  },
  {
    fr: RENDRE,
    en: PAY,
    objects: [
      { fr: "hommage aux", en: "tribute to the" },
      { fr: "hommage au", en: "tribute to the" },
      { fr: "hommage à", en: "tribute to" },
    ],
    directions: BOTH,
  },
  { fr: PRENDRE, en: TAKE, objects: [{ fr: "ses fonctions", en: "office" }], directions: BOTH },
  {
    fr: { ...RENDRE, reflexive: true },
    en: en({ base: "visit" }),
    objects: [
      { fr: "aux", en: "the" },
      { fr: "au", en: "" },
      { fr: "en", en: "" },
      { fr: "à", en: "" },
    ],
    directions: FR_EN,
  },
  {
    fr: METTRE,
    en: en({ base: "implement" }),
    objects: [
      { fr: "en œuvre", en: "" },
      { fr: "en oeuvre", en: "" },
    ],
    directions: FR_EN,
  },
  { fr: METTRE, en: SET, objects: [{ fr: "en place", en: "up" }], directions: FR_EN },
  {
    fr: FAIRE,
    en: en({ base: "face" }),
    objects: [
      { fr: "face aux", en: "the" },
      { fr: "face au", en: "the" },
      { fr: "face à", en: "" },
    ],
    directions: FR_EN,
  },
  { fr: regularFrench("rencontrer"), en: MEET, objects: [{ fr: "", en: "" }], directions: BOTH, enNext: TRANSITIVE },
  { fr: regularFrench("remercier"), en: en({ base: "thank" }), objects: [{ fr: "", en: "" }], directions: BOTH },
  { fr: regularFrench("déclarer"), en: SAY, objects: [{ fr: "", en: "" }], directions: FR_EN },
  { fr: REUNIR, en: MEET, objects: [{ fr: "", en: "" }], directions: FR_EN },
];
