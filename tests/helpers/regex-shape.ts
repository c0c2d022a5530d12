/**
 * Nested unbounded quantifiers in a regular expression: a group repeated by `*`, `+` or `{n,}` that itself holds
 * an unbounded quantifier, as in `(a+)+`, `(\w+\s?)*` or `(?:x*y?)+`. That is the shape of exponential
 * backtracking (star height 2): on a near-miss the engine tries every way of splitting a run between the inner and
 * the outer repetition. A group that opens with a mandatory delimiter no inner repetition can match
 * (`(?:['’-][\p{L}]+)*`, words joined by hyphens) splits one way only, and is not reported. Returns each reported
 * group's source; an empty list means the shape is absent.
 */
export function nestedQuantifiers(source: string, flags = ""): string[] {
  const found: string[] = [];
  const open: Group[] = [newGroup(-1)];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let atomEnd = i + 1;
    let group: Group | undefined;
    if (c === "\\") atomEnd = escapeEnd(source, i);
    else if (c === "[") atomEnd = classEnd(source, i);
    else if (c === "(") {
      open.push(newGroup(i));
      i = source[i + 1] === "?" ? lookPrefixEnd(source, i) : i + 1;
      continue;
    } else if (c === "|") {
      open.at(-1)!.alternation = true;
      i++;
      continue;
    } else if (c === ")") group = open.length > 1 ? open.pop() : undefined;
    else if (c === "^" || c === "$") {
      i++;
      continue;
    }
    const q = quantifier(source, atomEnd);
    const parent = open.at(-1)!;
    const atom = source.slice(i, atomEnd);
    if (parent.items === 0) parent.first = { atom: group ? undefined : atom, mandatory: q.end === atomEnd };
    parent.items++;
    if (q.unbounded) {
      if (group?.unbounded && !delimited(group, flags)) found.push(source.slice(group.start, atomEnd));
      parent.unbounded = true;
      if (group) parent.repeatedGroups = true;
      else parent.repeatedAtoms.push(atom);
    }
    if (group?.unbounded) {
      parent.unbounded = true;
      parent.repeatedGroups = true;
    }
    i = q.end;
  }
  return found;
}

interface Group {
  start: number;
  /** Holds an unbounded quantifier, directly or deeper. */
  unbounded: boolean;
  items: number;
  first: { atom: string | undefined; mandatory: boolean } | undefined;
  /** Single atoms (a character, an escape, a class) repeated without bound directly in this group. */
  repeatedAtoms: string[];
  /** A group inside repeated without bound, or holding such a repetition. */
  repeatedGroups: boolean;
  alternation: boolean;
}

const newGroup = (start: number): Group => ({
  start,
  unbounded: false,
  items: 0,
  first: undefined,
  repeatedAtoms: [],
  repeatedGroups: false,
  alternation: false,
});

/** `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: where the group's contents start. */
function lookPrefixEnd(source: string, i: number): number {
  if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") return source.indexOf(">", i) + 1;
  return source[i + 2] === "<" ? i + 4 : i + 3;
}

/** Whether every way through the group starts with a delimiter that none of its repeated atoms matches. */
function delimited(group: Group, flags: string): boolean {
  if (group.alternation || group.repeatedGroups || !group.first?.mandatory || !group.first.atom) return false;
  const u = flags.includes("u") ? "u" : "";
  const i = flags.includes("i") ? "i" : "";
  const delimiter = new RegExp(`^(?:${group.first.atom})$`, u + i);
  const repeated = group.repeatedAtoms.map((a) => new RegExp(`^(?:${a})$`, u + i));
  // Every character of the Basic Multilingual Plane: the delimiter's and each repeated atom's must not meet.
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    if (delimiter.test(ch) && repeated.some((r) => r.test(ch))) return false;
  }
  return true;
}

/** The end of the escape at `i` (`\d`, `\p{L}`, `\u{1F600}`, `\x41`, `\u0041`, `\k<name>`). */
function escapeEnd(source: string, i: number): number {
  const next = source[i + 1];
  if ((next === "p" || next === "P" || next === "u") && source[i + 2] === "{") return source.indexOf("}", i) + 1;
  if (next === "k" && source[i + 2] === "<") return source.indexOf(">", i) + 1;
  if (next === "x") return i + 4;
  if (next === "u") return i + 6;
  return i + 2;
}

/** The end of the character class opening at `i`. */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === "^") j++;
  if (source[j] === "]") j++;
  while (j < source.length && source[j] !== "]") j = source[j] === "\\" ? escapeEnd(source, j) : j + 1;
  return j + 1;
}

/** The quantifier starting at `i`, if any: where it ends, and whether it has no upper bound. */
function quantifier(source: string, i: number): { end: number; unbounded: boolean } {
  const c = source[i];
  let end = i;
  let unbounded = false;
  if (c === "*" || c === "+") {
    end = i + 1;
    unbounded = true;
  } else if (c === "?") end = i + 1;
  else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (m) {
      end = i + m[0].length;
      unbounded = m[2] !== undefined && m[3] === "";
    }
  }
  if (end > i && source[end] === "?") end++; // lazy
  return { end, unbounded };
}
