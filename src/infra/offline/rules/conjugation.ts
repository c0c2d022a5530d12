/**
 * Third-person verb forms of the few verbs the verb-phrase rules use, in both languages, by tense. News releases
 * speak of third parties, so the third person is all that is needed.
 */
export type Tense = "inf" | "pres" | "past" | "perf" | "pluperf" | "fut" | "cond" | "ger";
export type VerbNumber = "sg" | "pl";
/** One form per tense and number; a single form serves both numbers. */
export type Conjugation = Record<Tense, Record<VerbNumber, string>>;

const both = (form: string) => ({ sg: form, pl: form });

export interface EnglishVerb {
  base: string;
  s: string;
  past: string;
  pp: string;
  ing: string;
}

export function englishConjugation(v: EnglishVerb): Conjugation {
  return {
    inf: both(v.base),
    pres: { sg: v.s, pl: v.base },
    past: both(v.past),
    perf: { sg: `has ${v.pp}`, pl: `have ${v.pp}` },
    pluperf: both(`had ${v.pp}`),
    fut: both(`will ${v.base}`),
    cond: both(`would ${v.base}`),
    ger: both(v.ing),
  };
}

/** A regular English verb: "thank" → thanks, thanked, thanking; "focus" → focuses, focused. */
export function regularEnglish(base: string): EnglishVerb {
  const s = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  const stem = base.endsWith("e") ? base.slice(0, -1) : base;
  return { base, s, past: `${stem}ed`, pp: `${stem}ed`, ing: `${stem}ing` };
}

export interface FrenchVerb {
  inf: string;
  p3s: string;
  p3p: string;
  /** Past participle (masculine singular). */
  pp: string;
  /** Future stem: "fer" → fera, feront. */
  fut: string;
  /** Imperfect stem: "fais" → faisait, faisaient. */
  imp: string;
  /** Passé simple, third person singular and plural. */
  ps: [string, string];
  ppr: string;
  /** Reflexive verbs take "se" and "être": "s'est entretenu", "se sont entretenus". */
  reflexive?: boolean;
}

/** A regular -er verb ("prononcer", "remercier", "déclarer"), with ç/ge before a and o. */
export function regularFrench(inf: string): FrenchVerb {
  const stem = inf.slice(0, -2);
  const soft = stem.endsWith("c") ? `${stem.slice(0, -1)}ç` : stem.endsWith("g") ? `${stem}e` : stem;
  return {
    inf,
    p3s: `${stem}e`,
    p3p: `${stem}ent`,
    pp: `${stem}é`,
    fut: `${inf}`,
    imp: soft,
    ps: [`${soft}a`, `${stem}èrent`],
    ppr: `${soft}ant`,
  };
}

/** Every tense of a French verb, reflexive ones with their pronoun ("se tient", "s'est tenu"). */
export function frenchConjugation(v: FrenchVerb): Conjugation {
  const se = (form: string) => (v.reflexive ? `${/^[aeiouéèêh]/i.test(form) ? "s'" : "se "}${form}` : form);
  const aux = v.reflexive
    ? { sg: "est", pl: "sont", impSg: "était", impPl: "étaient" }
    : { sg: "a", pl: "ont", impSg: "avait", impPl: "avaient" };
  const agree = (pl: boolean) => (v.reflexive && pl ? `${v.pp}s` : v.pp);
  return {
    inf: both(se(v.inf)),
    pres: { sg: se(v.p3s), pl: se(v.p3p) },
    past: { sg: se(`${aux.sg} ${v.pp}`), pl: se(`${aux.pl} ${agree(true)}`) },
    perf: { sg: se(`${aux.sg} ${v.pp}`), pl: se(`${aux.pl} ${agree(true)}`) },
    pluperf: { sg: se(`${aux.impSg} ${v.pp}`), pl: se(`${aux.impPl} ${agree(true)}`) },
    fut: { sg: se(`${v.fut}a`), pl: se(`${v.fut}ont`) },
    cond: { sg: se(`${v.fut}ait`), pl: se(`${v.fut}aient`) },
    ger: both(se(v.ppr)),
  };
}

/**
 * The French forms that say each tense when reading a source, beyond those `frenchConjugation` writes: the
 * passé simple and the imperfect read as a past, a reflexive participle in the feminine as well.
 */
export function frenchReadings(v: FrenchVerb): { form: string; tense: Tense; number: VerbNumber }[] {
  const c = frenchConjugation(v);
  const out: { form: string; tense: Tense; number: VerbNumber }[] = [];
  for (const tense of Object.keys(c) as Tense[]) {
    if (tense === "perf") continue;
    for (const number of ["sg", "pl"] as const) out.push({ form: c[tense][number], tense, number });
  }
  const se = (form: string) => (v.reflexive ? `${/^[aeiouéèêh]/i.test(form) ? "s'" : "se "}${form}` : form);
  out.push({ form: se(v.ps[0]), tense: "past", number: "sg" }, { form: se(v.ps[1]), tense: "past", number: "pl" });
  out.push({ form: se(`${v.imp}ait`), tense: "past", number: "sg" });
  out.push({ form: se(`${v.imp}aient`), tense: "past", number: "pl" });
  if (v.reflexive) {
    out.push({ form: se(`est ${v.pp}e`), tense: "past", number: "sg" });
    out.push({ form: se(`sont ${v.pp}es`), tense: "past", number: "pl" });
  }
  return out;
}
