import type { Lang } from "../domain/language.js";
import { NOT_NAMES } from "../text/names.js";
import { regExpsOnUse, unicodeBoundaries as unicode } from "../text/regexp.js";
import { isMonthOrDay, isNew } from "./focus-names.js";
import type { Passage } from "./qa-types.js";

/**
 * "Who": a person's name, other than those the question gives. And for a question that asks who leads, runs,
 * heads, chairs, organises or hosts something (« qui dirige / mène / préside / organise / accueille »), a body
 * too — a command, a university, a country: what such a verb has for agent is often no person. The sentence that
 * says so names it as the agent of a verb of the same kind: "led by the Allied Maritime Command", « mené par
 * l'Université technique de Delft », "hosted by Norway", « sous la présidence de la Finlande ». A body named in
 * passing ("the Rear Admiral said the Allied Maritime Command…") is not the answer: only the agent of the verb is.
 * A verb of another kind is not either: the host of an exercise is not who led it. The agent may be named by its
 * office, in lower case as French writes it (« présidé par le secrétaire général adjoint pour l'innovation »).
 * "Who designed / developed / helped design…" (« qui a conçu / élaboré / aidé à concevoir ») is answered only so:
 * by whom or with whom it was made ("developed with the Centre of Excellence", « élaboré avec le Centre… »), not
 * by a person the sentence names for something else. So is "who funds / pays for…" (« qui finance / paie »): by who
 * it is funded ("funded by the Netherlands and Italy", « financé par les Pays-Bas »).
 */
export type AgentKind = "lead" | "chair" | "organise" | "host" | "make" | "fund";

// The verb of a who-question, as typed (accents often left out): "who runs", « qui a dirigé », « qui preside ».
const ASKED: { kind: AgentKind; en: RegExp; fr: RegExp }[] = [
  {
    kind: "lead",
    en: /^(?:lead|leads|leading|led|run|runs|running|ran|head|heads|heading|headed|direct|directs|directed|directing|conducts?|conducted|conducting|manages?|managed|managing|oversees?|oversaw|overseeing|coordinates?|coordinated|coordinating)$/u,
    fr: /^(?:dirig\p{L}*|m[eè]n(?:e|es|ent|é|ée|és|ées|er|ait|aient|era|eront)|condui\p{L}*|pilot\p{L}*|g[eèé]r(?:e|es|ent|é|ée|és|ées|er|ait|aient|era|eront)|coordonn\p{L}*)$/u,
  },
  {
    kind: "chair",
    en: /^(?:chairs?|chaired|chairing|presides?|presided|presiding|co-chairs?|co-chaired)$/u,
    fr: /^(?:pr[eé]sid\p{L}*|copr[eé]sid\p{L}*)$/u,
  },
  { kind: "organise", en: /^organi[sz](?:e|es|ed|ing)$/u, fr: /^organis\p{L}*$/u },
  { kind: "host", en: /^(?:hosts?|hosted|hosting)$/u, fr: /^accueill\p{L}*$/u },
  {
    kind: "make",
    en: /^(?:design|designs|designed|designing|develop|develops|developed|developing|devise|devised|draft|drafted|prepare|prepared|create|created|build|built)$/u,
    fr: /^(?:con[cç]\p{L}*|[eé]labor\p{L}*|d[eé]velopp\p{L}*|pr[eé]par\p{L}*|cr[eé](?:e|é|ée|és|ées|er|ent|ait)|construi\p{L}*)$/u,
  },
  {
    kind: "fund",
    en: /^(?:fund|funds|funded|funding|finance|finances|financed|financing|sponsor|sponsors|sponsored|pays|paid|bankrolls?|bankrolled)$/u,
    fr: /^(?:financ\p{L}*|subventionn\p{L}*|pai(?:e|ent)|pay(?:e|é|ée|és|ées|er|ait|aient|era|eront)|cofinanc\p{L}*)$/u,
  },
];

// Between "who" / « qui » and its verb: auxiliaries and adverbs only ("who will lead", « qui a présidé »), and
// "helped" / « aidé à », « contribué à »: who helped design a course is named as the one it was designed with.
const AUXILIARY = new Set(
  "is was are were will would shall has had have did does do be been currently now actually also helped helps help est-ce a avait va allait sera serait était est doit devait devra actuellement aidé aide contribué contribue à".split(
    " ",
  ),
);

/**
 * "Who is Jana Kotorova?", « qui est Jana Kotorova ? »: a question that asks who a person is, by name. The name
 * comes right after the verb, two to four words with no determiner, preposition, possessive or participle of
 * choosing among them; "who is the deputy commander", « qui est le directeur », "who is NCIA's CTO", "who was
 * elected president" ask for a person, and so does "who is SACEUR" (one word: an office's acronym as often as a
 * surname).
 */
const IDENTITY = /^(?:who|qui)\s+(?:is|was|est|était|etait)\s+([\p{L}'’-]+(?:\s+[\p{L}'’-]+){1,3})\s*\??$/u;
const NOT_IN_NAMES = new Set(
  "the a an of for in at on from with this that his her their s le la les l un une de du des d en à au aux pour par sur ce cet cette son sa ses leur elected appointed named chosen élu élue nommé nommée choisi choisie".split(
    " ",
  ),
);

/** Whether the question (lower case) asks who a person it names is (see above). */
export function asksIdentity(lowerQuestion: string): boolean {
  const words = IDENTITY.exec(lowerQuestion.trim())?.[1]?.split(/\s+|['’]/u);
  return !!words && words.every((w) => w !== "" && !NOT_IN_NAMES.has(w));
}

/** The kind of verb a who-question asks the agent of; undefined for other questions ("who did Rutte meet?"). */
export function askedAgent(question: string): AgentKind | undefined {
  const words = question
    .toLowerCase()
    .replace(/[’]/gu, "'")
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean);
  const at = words.findIndex((w) => w === "who" || w === "qui");
  if (at < 0) return undefined;
  let i = at + 1;
  // « qui est-ce qui a dirigé ».
  while (i < words.length && (AUXILIARY.has(words[i] ?? "") || words[i] === "qui")) i++;
  const verb = words[i];
  if (!verb) return undefined;
  return ASKED.find((a) => a.en.test(verb) || a.fr.test(verb))?.kind;
}

// The agent phrase of each kind of verb, both languages (a stored translation may render « mené par » as
// "spent by": the original sentence is read too). A participle may take an adverb or two before "by" / « par »
// (« organisé chaque année par »).
const P = String.raw`(?:e|s|es)?(?:\s+\p{Ll}+){0,2}\s+par`;
const BY = String.raw`(?:\s+\p{Ll}+){0,2}\s+by`;
const OF = String.raw`\s+d(?:e|u|es|['’])`;
const AGENT_PHRASES: Record<AgentKind, RegExp> = {
  lead: new RegExp(
    String.raw`\b(?:(?:led|run|headed|directed|conducted|managed|overseen|coordinated|spearheaded)${BY}|under the (?:leadership|direction|lead) of|(?:dirigé|mené|conduit|piloté|géré|coordonné)${P}|sous la (?:direction|conduite|houlette|responsabilité|coordination)${OF})`,
    "iu",
  ),
  chair: new RegExp(
    String.raw`\b(?:(?:chaired|co-chaired|presided over)${BY}|under the chairmanship of|(?:présidé|coprésidé)${P}|sous la (?:présidence|coprésidence)${OF})`,
    "iu",
  ),
  organise: new RegExp(
    String.raw`\b(?:(?:organi[sz]ed|co-organi[sz]ed|convened)${BY}|(?:organisé|co-organisé|coorganisé)${P}|à l['’]initiative${OF})`,
    "iu",
  ),
  host: new RegExp(String.raw`\b(?:(?:hosted|co-hosted)${BY}|accueilli${P}|à l['’]invitation${OF})`, "iu"),
  // "Funded by the Netherlands", « financé par l'Italie », "with funding from Norway": who pays for it.
  fund: new RegExp(
    String.raw`\b(?:(?:funded|financed|co-funded|co-financed|paid for|sponsored|bankrolled)${BY}|with (?:funding|contributions|money) from|(?:financé|cofinancé|subventionné|payé|pris en charge)${P}|grâce (?:à|au|aux) (?:un |des )?(?:financements?|fonds|contributions?)${OF})`,
    "iu",
  ),
  // "Designed with the Centre of Excellence", « élaboré avec le Centre d'excellence »: who it was made by or with.
  make: /\b(?:(?:designed|developed|devised|drafted|prepared|created|built|drawn up|elaborated)(?:\s+\p{Ll}+){0,2}\s+(?:by|with|together with|in (?:cooperation|partnership) with)|(?:conçu|élaboré|développé|préparé|créé|construit|mis au point)(?:e|s|es)?(?:\s+\p{Ll}+){0,2}\s+(?:par|avec|en (?:coopération|partenariat|lien) avec))/iu,
};
// Built for the kind of agent a question asks about, when it first does.
const AGENT_SEARCH = regExpsOnUse(
  Object.fromEntries(
    Object.entries(AGENT_PHRASES).map(([k, re]) => [k, () => new RegExp(unicode(re).source, "giu")]),
  ) as Record<AgentKind, () => RegExp>,
);
// What follows the agent phrase: a determiner or two lower-case words, then the capitalised name of the agent.
const AGENT_NAME =
  /^\s*(?:(?:the|a|an|le|la|les|l['’]|un|une|des|du)\s*)?(?:\p{Ll}[\p{Ll}-]*\s+){0,2}?(\p{Lu}[\p{L}\p{N}’'-]*(?:\s+(?:(?:of|for|and|de|du|des|pour|et|la|le|l['’])\s*)*\p{Lu}[\p{L}\p{N}’'-]*)*)/u;
// A holder's title in lower case (French writes them so, English often): « présidé par le secrétaire général
// adjoint pour l'innovation », "chaired by the deputy secretary general" name the agent by the office.
const AGENT_TITLE =
  /^\s*(?:the|its|le|la|l['’]|du|de la|de l['’])\s*((?:(?:deputy|assistant|under|vice)[\s-])?(?:secretary|minister|president|director|commander|chief|ambassador|representative|chair|chairman|chairwoman|secrétaire|sous-secrétaire|ministre|président|présidente|directeur|directrice|commandant|commandante|chef|général|générale|amiral|ambassadeur|ambassadrice|représentant|représentante|haut représentant|haute représentante|vice-président|vice-présidente)(?:\s+(?:general|général|générale|adjoint|adjointe|délégué|déléguée|suprême|principal|principale))*(?:\s+(?:for|of|pour|de|des|du|chargé|chargée|à)\s+[\p{L}’'-]+)?)/u;

/**
 * Whether the passage, or the sentence it translates, names the agent of a verb of this kind: a capitalised name
 * the question does not give right after the agent phrase ("led by Finland"; not "led by him", nor "led by NATO").
 */
export function namesAgent(passage: Passage, kind: AgentKind, given: ReadonlySet<string>): boolean {
  const phrase = AGENT_SEARCH[kind];
  const texts = [passage.text, ...(passage.original ? [passage.original.text] : [])];
  return texts.some((text) =>
    [...text.matchAll(phrase)].some((m) => {
      const rest = text.slice((m.index ?? 0) + m[0].length);
      const name = AGENT_NAME.exec(rest)?.[1] ?? AGENT_TITLE.exec(rest)?.[1];
      return !!name && !isMonthOrDay(name) && isNew(name, given);
    }),
  );
}

// A title before a name says a person is meant even when the name is one word ("M. Rutte", "Minister Kallas").
// French ranks are several words before the name: « le général de corps d'armée Wiermann », « la générale de
// brigade aérienne Duvernoy », « le contre-amiral Sénéchal ».
const TITLE =
  /\b(?:Mr|Mrs|Ms|Dr|M\.|Mme|General|Admiral|President|Minister|Secretary General|Ambassador|Commissioner|Chancellor|Président|Présidente|ministre|secrétaire général|général(?:e)?(?: de corps d[’']armée| d[’']armée(?: aérienne)?| de division(?: aérienne)?| de brigade(?: aérienne)?)?|(?:contre-|vice-)?amiral|colonel|lieutenant-colonel|ambassadeur|ambassadrice)\s+(?:[\p{Lu}][\p{L}’'-]+)/u;

/**
 * Words that make a run of capitalised words the name of a body, a place or an event, not of a person: "Munich
 * Security Conference", "NATO Defense College", "United Kingdom", « Forces armées canadiennes ». Beside the
 * institutional words every name check skips (`NOT_NAMES`), which also serve the fact guard and MT protection.
 * Not « Marine » (« Marine nationale »): it is a first name too.
 */
const NOT_PEOPLE = new Set(
  "Conference Security Centre Center College University School Academy Institute Command Force Forces Corps Army Navy Air Brigade Division Mission Operation Exercise Programme Program Office Fund Ministry Forum Group Partnership Initiative Sea Ocean Republic Kingdom Nations United Conférence Collège Université École Académie Institut Armée Armées Opération Exercice Bureau Fonds Ministère Groupe Partenariat Mer Océan République Royaume Unies".split(
    " ",
  ),
);

/** Names of people in the text that the question does not already give: "Mark Rutte", "M. Rutte". */
export function personNames(
  text: string,
  lang: Lang,
  given: ReadonlySet<string>,
  commonWord?: (word: string, lang: Lang) => boolean,
): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(TITLE.source, "gu"))) {
    const name = m[0].split(/\s+/u).at(-1) ?? "";
    if (isNew(name, given)) out.push(name);
  }
  // Two or more capitalised words in a row (particles allowed): "Mark Rutte", "Ursula von der Leyen".
  // Each word has a lower-case letter after its capital: "Boeing E-7" is an aircraft, not a person.
  const run =
    /(?<![\p{L}])[\p{Lu}]\p{Ll}[\p{Ll}’'-]*(?:\s+(?:(?:von|van|der|de|du|la|le)\s+)*[\p{Lu}]\p{Ll}[\p{Ll}’'-]*)+/gu;
  for (const m of text.matchAll(run)) {
    const words = m[0].split(/\s+/u);
    if (words.some((w) => NOT_NAMES[lang].has(w) || NOT_PEOPLE.has(w) || isMonthOrDay(w))) continue;
    // "Locked Shields", "Nordic Response": every word a common one, the name of a thing.
    if (commonWord && words.every((w) => commonWord(w, lang))) continue;
    if (isNew(m[0], given)) out.push(m[0]);
  }
  return out;
}
