import { isMonthOrDay, isNew, UBIQUITOUS } from "./focus-names.js";

// "in Vilnius", "at NATO Headquarters in Brussels", « à Nice, en France », « dans la Jordanie voisine ».
const PLACE =
  /(?<![\p{L}])(?:in|at|on|near|from|to|across|base of|à|au|aux|en|dans|sur|près de|depuis|vers|base de)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’])?([\p{Lu}][\p{L}’'-]+)/gu;

// « au siège de l'OTAN », "at the headquarters of NATO", "at NATO Headquarters": the seat of a body is a place,
// even of one every release names.
const SEAT =
  /(?<![\p{L}])(?:in|at|à|au|dans)\s+(?:the\s+|le\s+|la\s+|l['’])?(?:siège|quartier[ -]général|headquarters)\s+(?:de\s+|du\s+|des\s+|d['’]|of\s+)(?:the\s+|la\s+|l['’])?([\p{Lu}][\p{L}’'-]+)|(?<![\p{L}])(?:in|at)\s+(?:the\s+)?([\p{Lu}][\p{L}’'-]+)\s+(?:Headquarters|HQ)\b/gu;
// "some 60 kilometres west of the capital", « à 60 km au nord de Vilnius »: a place said by where it lies from another.
const LIES =
  /\d[\d,.\s]*\s*(?:km|kilomet\p{L}*|miles?|milles)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?:au|à l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|du|des|d['’]))/iu;

/**
 * The places a sentence gives, for a "where" question (focus.ts), other than those the question gives (`given`,
 * folded words): a name after a preposition of place ("in Vilnius", « à Nice »), the seat of a body (« au siège de
 * l'OTAN »), or where a place lies from another ("60 kilometres west of the capital").
 */
export function placeNames(text: string, given: ReadonlySet<string>): string[] {
  const fresh = (name: string) => !!name && isNew(name, given) && !isMonthOrDay(name);
  const named = [...text.matchAll(PLACE)].map((m) => m[1] ?? "").filter((n) => fresh(n) && !UBIQUITOUS.has(n));
  const seats = [...text.matchAll(SEAT)].map((m) => m[0]).filter((seat) => fresh(seat));
  const lies = LIES.exec(text)?.[0];
  return [...named, ...seats, ...(lies ? [lies] : [])];
}
