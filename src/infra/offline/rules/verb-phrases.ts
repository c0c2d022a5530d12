import type { Lang } from "../../../core/domain/language.js";
import type { ProtectedSpan } from "../protect.js";
import {
  type Conjugation,
  type EnglishVerb,
  englishConjugation,
  type FrenchVerb,
  frenchConjugation,
  frenchReadings,
  regularEnglish,
  regularFrench,
  type Tense,
  type VerbNumber,
} from "./conjugation.js";
import { END, escapeRegex, START } from "./regex.js";

/**
 * Light-verb constructions ("faire un exposé" is "give a presentation", not "do an exposure") and verbs whose
 * dictionary sense is wrong in NATO's releases ("rencontrer" is "meet", not "find"; "met" is "a rencontré",
 * not "a accompli"). Each phrase is found in any tense and rendered in the same tense in the other language.
 */
interface VerbPhrase {
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

// An adverb between the auxiliary and the participle ("a également fait") stays for MT to translate, outside.
const FR_ADVERB = String.raw`(?:\p{L}+ment|aussi|ensuite|déjà|encore|alors|aujourd['’]hui|hier|ainsi|enfin|bien|d['’]abord)`;

const MODAL = /(?:^|[^\p{L}])(?:to|will|would|can|could|may|might|must|shall|should|not|cannot)\s+$/iu;

const DETERMINER: Record<Lang, RegExp> = {
  en: /(?:^|[^\p{L}])(?:a|an|the|this|that|these|those|its|his|her|their|our|annual|first|second|next|last)\s+$/iu,
  fr: /(?:^|[^\p{L}])(?:la|le|les|l['’]|une|un|des|du|cette|ce|ces|sa|son|ses|leur|leurs|de|d['’])\s*$/iu,
};

interface Reading {
  /** A cheap test first: does the text hold any form of this phrase's verb at all? */
  group: RegExp;
  phrase: VerbPhrase;
  object: { fr: string; en: string };
  tense: Tense;
  number: VerbNumber;
  regex: RegExp;
}

let readings: Record<"fr" | "en", Reading[]> | undefined;

function compile(): Record<"fr" | "en", Reading[]> {
  const out: Record<"fr" | "en", Reading[]> = { fr: [], en: [] };
  for (const phrase of VERB_PHRASES) {
    for (const object of phrase.objects) {
      if (phrase.directions.includes("fr-en")) {
        const group = anyWord(frenchReadings(phrase.fr).map((r) => r.form.split(" ").at(-1)!));
        for (const r of frenchReadings(phrase.fr)) {
          // "a fait", "s'est entretenu": an adverb may stand after the auxiliary.
          const words = r.form.split(" ").map((w) => escapeRegex(w).replace(/'/g, "['’]\\s*"));
          const verb =
            words.length > 1
              ? `${words.slice(0, -1).join("\\s+")}(?<adverb>\\s+${FR_ADVERB})?\\s+${words.at(-1)}`
              : words[0];
          const obj = object.fr ? `\\s+${escapeRegex(object.fr).replace(/'/g, "['’]\\s*").replace(/ /g, "\\s+")}` : "";
          out.fr.push({
            group,
            phrase,
            object,
            tense: r.tense,
            number: r.number,
            regex: new RegExp(`${START}${verb}${obj}${END}`, "giu"),
          });
        }
      }
      if (phrase.directions.includes("en-fr")) {
        const group = anyWord(
          (Object.keys(phrase.en) as Tense[])
            .flatMap((t) => [phrase.en[t].sg, phrase.en[t].pl])
            .map((f) => f.split(" ").at(-1)!),
        );
        for (const tense of Object.keys(phrase.en) as Tense[]) {
          for (const number of ["sg", "pl"] as const) {
            const form = phrase.en[tense][number];
            if (number === "pl" && form === phrase.en[tense].sg) continue;
            const obj = object.en ? `\\s+${escapeRegex(object.en).replace(/ /g, "\\s+")}` : "";
            const regex = new RegExp(`${START}${escapeRegex(form).replace(/ /g, "\\s+")}${obj}${END}`, "giu");
            out.en.push({ group, phrase, object, tense, number, regex });
          }
        }
      }
    }
  }
  // Longest forms first: "a eu lieu" before "a", "part aux" before "part à".
  for (const lang of ["fr", "en"] as const) out[lang].sort((a, b) => b.regex.source.length - a.regex.source.length);
  return out;
}

/** The verb phrases of a source text, each protected and rendered in the other language in the same tense. */
export function verbPhraseSpans(text: string, from: Lang, to: Lang): ProtectedSpan[] {
  if (from === to) return [];
  readings ??= compile();
  const spans: ProtectedSpan[] = [];
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  const present = new Map<RegExp | string, boolean>();
  const lower = text.toLowerCase();
  for (const r of readings[from]) {
    // The object's longest word ("exposé", "lieu") must be there, and some form of the verb.
    const head = r.object[from]
      .toLowerCase()
      .split(/[\s']+/)
      .reduce((a, b) => (b.length > a.length ? b : a), "");
    if (head && !lower.includes(head)) continue;
    let any = present.get(r.group);
    if (any === undefined) {
      any = r.group.test(text);
      present.set(r.group, any);
    }
    if (!any) continue;
    for (const m of text.matchAll(r.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      // "la rencontre", "a meeting with": a noun, not the verb.
      if ((!r.object[from] || r.tense === "ger") && DETERMINER[from].test(text.slice(0, start))) continue;
      if (from === "en" && r.phrase.enNext && !r.phrase.enNext.test(text.slice(end))) continue;
      // "Allies focus on" is a present, "to focus on" and "will focus" an infinitive: same spelling, other tense.
      if (from === "en" && r.tense === "inf" && !MODAL.test(text.slice(0, start))) continue;
      if (from === "en") {
        const number =
          r.tense === "past" || r.tense === "fut" || r.tense === "cond" || r.tense === "pluperf"
            ? subjectNumber(text.slice(0, start))
            : r.number;
        const tense: Tense = r.tense === "perf" ? "past" : r.tense;
        const verb = frenchConjugation(r.phrase.fr)[tense][number];
        spans.push({ start, end, replacement: join(verb, r.object.fr) });
        continue;
      }
      const tense: Tense = r.tense === "perf" ? "past" : r.tense;
      const verb = r.phrase.en[tense][r.number];
      const adverb = m.groups?.adverb;
      if (adverb) {
        // Two spans around the adverb: the auxiliary goes, the adverb stays for MT, then the English phrase.
        const at = start + m[0].indexOf(adverb);
        const after = at + adverb.length + (/^\s*/.exec(m[0].slice(at - start + adverb.length))?.[0].length ?? 0);
        spans.push({ start, end: at, replacement: "" });
        spans.push({ start: after, end, replacement: join(verb, r.object.en) });
      } else spans.push({ start, end, replacement: join(verb, r.object.en) });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function anyWord(words: string[]): RegExp {
  const alt = [...new Set(words.map((w) => w.toLowerCase()))].map(escapeRegex).join("|");
  return new RegExp(`${START}(?:${alt})${END}`, "iu");
}

function join(verb: string, object: string): string {
  return object ? `${verb} ${object}` : verb;
}

/** English past tenses do not say the subject's number: "they" or a plural noun just before it does. */
function subjectNumber(before: string): VerbNumber {
  const last = /(\p{L}+)\s*$/u.exec(before)?.[1] ?? "";
  if (/^(?:they|we)$/i.test(last)) return "pl";
  return /[^s'’]s$/u.test(last) && !/(?:ss|us|is|ys)$/i.test(last) && !/^\p{Lu}{2,}s?$/u.test(last) ? "pl" : "sg";
}
