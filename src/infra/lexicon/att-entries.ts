/**
 * Entries of a compiled Apertium bilingual dictionary (`*.autobil.bin`), read from `lt-print`'s AT&T dump: each
 * line `from to input output weight` is an arc, a line with one or two fields a final state, `--` starts the next
 * section. The first section holds the dictionary proper (later ones are regular-expression and pass-through
 * sections). A path from state 0 spells a source lemma and its tags on the input side and the target lemma and
 * its tags on the output side, aligned symbol by symbol with ε padding; the lemma ends at its first tag.
 */
export interface BilEntry {
  source: string;
  sourcePos: string;
  target: string;
  targetPos: string;
}

type Arc = [to: number, input: string, output: string];

const MAX_LEMMA = 80;

const EPSILON = new Set(["ε", "@0@", "@_EPSILON_SYMBOL_@"]);

function isTag(symbol: string): boolean {
  return symbol.length > 2 && symbol.startsWith("<") && symbol.endsWith(">");
}

function symbolText(symbol: string): string {
  if (symbol === "@_SPACE_@") return " ";
  if (symbol === "@_TAB_@") return "\t";
  return symbol;
}

/** Arcs of the first section of an AT&T dump, by source state. */
export function parseAtt(dump: string): Map<number, Arc[]> {
  const arcs = new Map<number, Arc[]>();
  for (const line of dump.split("\n")) {
    if (line === "--") break;
    const f = line.split("\t");
    if (f.length < 4) continue;
    const from = Number(f[0]);
    const list = arcs.get(from) ?? [];
    list.push([Number(f[1]), f[2] ?? "", f[3] ?? ""]);
    arcs.set(from, list);
  }
  return arcs;
}

/**
 * Every (source lemma, first tag) → (target lemma, first tag) pair of the dump, each once. A path stops as soon as
 * both sides have reached their first tag, so tag combinations never multiply; a state already on the current
 * path is not entered again (the digit and letter loops of regular-expression entries).
 */
export function bilingualEntries(dump: string, keepPos: (pos: string) => boolean = () => true): BilEntry[] {
  const arcs = parseAtt(dump);
  const useful = statesReaching(arcs, (input) => isTag(input) && keepPos(input.slice(1, -1)));
  const seen = new Set<string>();
  const out: BilEntry[] = [];
  const onPath = new Set<number>();
  // Explicit stack: some paths are longer than a comfortable recursion depth.
  type Frame = { state: number; i: string; o: string; it: string | null; ot: string | null; next: number };
  const stack: Frame[] = [{ state: 0, i: "", o: "", it: null, ot: null, next: 0 }];
  onPath.add(0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame;
    const list = arcs.get(top.state) ?? [];
    if (top.next >= list.length) {
      onPath.delete(top.state);
      stack.pop();
      continue;
    }
    const [to, a, b] = list[top.next++] as Arc;
    if (onPath.has(to)) continue;
    let { i, o, it, ot } = top;
    if (!EPSILON.has(a) && it === null) {
      if (isTag(a)) {
        it = a.slice(1, -1);
        if (!keepPos(it)) continue;
      } else {
        // Regular-expression entries (<web>, <num>) loop over whole alphabets: a state that can reach no kept
        // tag is never entered, and no lemma is that long.
        if (!useful.has(to) || i.length >= MAX_LEMMA) continue;
        i += symbolText(a);
      }
    }
    if (!EPSILON.has(b) && ot === null) {
      if (isTag(b)) ot = b.slice(1, -1);
      else o += symbolText(b);
    }
    if (it !== null && ot !== null) {
      const key = `${i}\t${it}\t${o}\t${ot}`;
      if (!seen.has(key) && i && o) {
        seen.add(key);
        out.push({ source: i, sourcePos: it, target: o, targetPos: ot });
      }
      continue;
    }
    onPath.add(to);
    stack.push({ state: to, i, o, it, ot, next: 0 });
  }
  return out;
}

/** States from which an arc whose input symbol passes `wanted` can be reached (that arc's own state included). */
function statesReaching(arcs: Map<number, Arc[]>, wanted: (input: string) => boolean): Set<number> {
  const back = new Map<number, number[]>();
  const out = new Set<number>();
  const queue: number[] = [];
  for (const [from, list] of arcs) {
    for (const [to, input] of list) {
      const preds = back.get(to) ?? [];
      preds.push(from);
      back.set(to, preds);
      if (wanted(input) && !out.has(from)) {
        out.add(from);
        queue.push(from);
      }
    }
  }
  while (queue.length > 0) {
    const s = queue.pop() as number;
    for (const p of back.get(s) ?? []) {
      if (!out.has(p)) {
        out.add(p);
        queue.push(p);
      }
    }
  }
  return out;
}
