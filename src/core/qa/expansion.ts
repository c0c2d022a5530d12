import { type Lang, otherLang } from "../domain/language.js";
import { fold } from "../text/fold.js";
import { ordinalFigures, ordinalWordFigure } from "../text/ordinals.js";
import type { TrustTools } from "../trust/evidence.js";

/**
 * Other words a question's word may be written as in a release: the glossary's official forms in both languages
 * ("GDP" / « PIB » / « produit intérieur brut »), the bilingual dictionary's equivalents in the other language
 * ("troops" → « troupe »), and a few field synonyms of the same language ("troops" / "personnel"). Searched with
 * less weight than the question's own words, and a word matched through one of them counts as matched. No single
 * machine translation of the whole question decides what is found.
 */
export type Alternatives = Record<string, string[]>;

/** A word with more equivalents than this is too ambiguous to widen a search with ("part" → « accouchement »…). */
const MAX_EQUIVALENTS = 6;
const KEPT_EQUIVALENTS = 3;
const POS = new Set(["n", "adj", "vblex", "np", "adv"]);

// Field synonyms the dictionaries do not give, both languages; each line is one meaning.
const SYNONYMS: string[][] = [
  ["troops", "soldiers", "personnel", "military", "servicemembers", "militaires", "soldats", "troupes"],
  ["staff", "personnel", "employees", "experts", "people", "personnes", "employés", "salariés"],
  ["participants", "people", "attendees", "personnes", "participants"],
  ["aircraft", "planes", "jets", "avions", "appareils", "aéronefs"],
  ["ships", "vessels", "warships", "navires", "bâtiments"],
  // Artillery ammunition: "155mm shells" / « obus de 155 mm » (the dictionaries know « obus » only as "howitzer").
  ["shells", "rounds", "ammunition", "ammo", "munitions", "obus"],
  ["worth", "value", "valued", "cost", "amount", "valeur", "montant", "coût"],
  ["led", "lead", "leads", "chaired", "commanded", "heads", "dirige", "dirigé", "préside", "présidé", "commande"],
  // "Who leads the agency?" is answered by its director or general manager, named by title: « sa directrice ».
  // One leader (the verb in the singular): "Canada and Iceland lead the project" names no director.
  ["leads", "heads", "directs", "dirige", "director", "directeur", "directrice", "manager"],
  ["met", "meet", "meeting", "rencontré", "rencontre", "entretien", "reçu"],
  ["began", "begun", "started", "launched", "commencé", "lancé", "débuté"],
  ["joined", "join", "accession", "member", "adhéré", "adhésion", "membre"],
  ["succeed", "succeeded", "replace", "replaced", "successor", "succéder", "succède", "remplacer", "remplacé"],
  // Procurement: an order placed with industry is « une commande » (the dictionaries know only « ordre »).
  ["order", "orders", "ordered", "contract", "contracts", "purchase", "commande", "commandes", "commandé", "contrat"],
  // A post held for a term: "leave office", "term of office" / « quitter ses fonctions », « mandat ».
  ["office", "term", "tenure", "mandate", "post", "fonctions", "mandat", "poste"],
  // Instruction of personnel: "training course" / « formation », « stage », « cours ».
  ["course", "courses", "training", "formation", "formations", "stage", "stages", "cours"],
];
const SYNONYMS_OF = new Map<string, string[]>();
for (const line of SYNONYMS)
  for (const w of line) SYNONYMS_OF.set(fold(w), [...(SYNONYMS_OF.get(fold(w)) ?? []), ...line]);

export function expandQuestion(
  text: string,
  lang: Lang,
  tools: TrustTools | undefined,
  contentWords: (text: string) => string[],
): Alternatives {
  const words = contentWords(text);
  const out: Alternatives = {};
  const add = (word: string, alternatives: readonly string[]) => {
    const own = fold(word);
    const fresh = alternatives.map((a) => a.replace(/#/gu, "").trim()).filter((a) => a && fold(a) !== own);
    if (fresh.length > 0) out[word] = [...new Set([...(out[word] ?? []), ...fresh])];
  };
  for (const m of tools?.terms?.(text, lang) ?? []) {
    const inTerm = contentWords(m.source);
    for (const w of words) if (inTerm.includes(w)) add(w, [...m.forms.en, ...m.forms.fr]);
  }
  const lexicon = tools?.lexicon;
  for (const w of words) {
    add(w, SYNONYMS_OF.get(fold(w)) ?? []);
    if (!lexicon) continue;
    const equivalents = lexicon.equivalents(w, lang, otherLang(lang)).filter((e) => POS.has(e.pos));
    if (equivalents.length === 0 || equivalents.length > MAX_EQUIVALENTS) continue;
    add(
      w,
      equivalents.slice(0, KEPT_EQUIVALENTS).map((e) => e.lemma),
    );
  }
  // "the 60th anniversary" / « le soixantième anniversaire »: the figure and the words of the same ordinal.
  for (const o of ordinalFigures(text)) if (words.includes(o.figure)) add(o.figure, o.words);
  for (const w of words) {
    const figure = ordinalWordFigure(w);
    if (figure) add(w, [figure]);
  }
  return out;
}
