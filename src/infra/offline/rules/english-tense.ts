/**
 * French news writes past events in the passé composé ("a signé"), which MT renders as an English present perfect
 * ("has signed"); English releases tell them in the simple past ("signed"). Sentences that speak of a period up
 * to now ("since", "already", "so far") keep their perfect, as do continuous forms ("has been training").
 */
const IRREGULAR: Record<string, string> = {
  been: "was",
  done: "did",
  given: "gave",
  taken: "took",
  undertaken: "undertook",
  seen: "saw",
  overseen: "oversaw",
  begun: "began",
  gone: "went",
  written: "wrote",
  spoken: "spoke",
  chosen: "chose",
  known: "knew",
  shown: "showed",
  grown: "grew",
  drawn: "drew",
  withdrawn: "withdrew",
  driven: "drove",
  risen: "rose",
  arisen: "arose",
  broken: "broke",
  fallen: "fell",
  flown: "flew",
  thrown: "threw",
  forgotten: "forgot",
  become: "became",
  come: "came",
  overcome: "overcame",
  run: "ran",
  beaten: "beat",
  frozen: "froze",
  sworn: "swore",
  woken: "woke",
  struck: "struck",
};
// Participles spelt like the past tense.
const SAME = new Set(
  "made said held met found put set led sent spent built brought thought bought taught told sold kept left lost paid heard read felt meant stood understood won sat hit cut let shut spread had got laid sought fought dealt".split(
    " ",
  ),
);
const PERIOD =
  /\b(?:since|already|ever|yet|never|so far|to date|just|recently|for the (?:first|last) time|over the (?:past|last))\b/i;

export function simplePast(text: string): string {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => (PERIOD.test(sentence) ? sentence : pastOf(sentence)))
    .join(" ");
}

function pastOf(sentence: string): string {
  return sentence.replace(
    /\b(has|have|Has|Have)\s+((?:also|now|officially|recently|already|jointly|formally)\s+)?([a-z]+)\b(?!\s+(?:\w+ing)\b)/g,
    (whole, aux: string, adverb: string | undefined, verb: string) => {
      let past: string | undefined;
      if (verb === "been") past = /^has$/i.test(aux) ? "was" : "were";
      else
        past =
          IRREGULAR[verb] ??
          (SAME.has(verb) || /[^e]ed$|[^e]ied$|eed$|[aeiou][^aeiou]ed$/.test(verb) ? verb : undefined);
      if (!past || /ing$/.test(verb)) return whole;
      const out = `${adverb ?? ""}${past}`;
      return /^H/.test(aux) ? out[0]!.toUpperCase() + out.slice(1) : out;
    },
  );
}
