import { describe, expect, it, vi } from "vitest";
import { nestedQuantifiers } from "../helpers/regex-shape.js";
import { ENTRY_POINTS, WORST_SHAPES } from "../helpers/user-text-regexes.js";

/**
 * The regexes `fn` runs over the worst shapes of user text, collected (not timed) by watching `RegExp.prototype.exec`,
 * which `test`, `match`, `matchAll`, `replace` and `split` all go through once it is replaced. A short text of each
 * shape is enough to reach them; how their work grows at 100,000 characters is measured by `npm run bench -- abuse`
 * (part 3), since timings belong in benchmarks.
 */
function regexesRunBy(fn: (text: string) => unknown): RegExp[] {
  const exec = vi.spyOn(RegExp.prototype, "exec");
  try {
    for (const make of Object.values(WORST_SHAPES)) {
      try {
        fn(make(300));
      } catch {
        // A refusal is an answer too; the regexes it ran are collected all the same.
      }
    }
    const seen = new Map<string, RegExp>();
    for (const r of exec.mock.contexts as RegExp[]) seen.set(`/${r.source}/${r.flags}`, r);
    return [...seen.values()];
  } finally {
    exec.mockRestore();
  }
}

describe("the nested-quantifier check", () => {
  it("finds the shapes of exponential backtracking, and only those", () => {
    expect(nestedQuantifiers(/(a+)+$/.source)).toEqual(["(a+)"]);
    expect(nestedQuantifiers(/^(\w+\s?)*:/.source)).toEqual(["(\\w+\\s?)"]);
    expect(nestedQuantifiers(/(?:x*y?){2,}z/.source)).toEqual(["(?:x*y?)"]);
    expect(nestedQuantifiers(/((?:[\p{L}]+)-)+/u.source, "u")).toEqual(["((?:[\\p{L}]+)-)"]);
    // A delimiter the inner run may also match is no delimiter: "a" inside words of "a"s.
    expect(nestedQuantifiers(/\w+(?:a\w+)*/.source)).toEqual(["(?:a\\w+)"]);
    const linear = [/(?<!\d)\d+ km/, /[(+)]+x/, /\(a+\)+/, /(a{2,5})*/, /((?:ab)+)/, /(?:a|b)c+/, /\w+(?:-\w+)*/];
    for (const r of [...linear, /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/u])
      expect(nestedQuantifiers(r.source, r.flags)).toEqual([]);
  });
});

describe("no nested quantifier in a regex run over user text (issue 15, finding 2)", () => {
  const runs = Object.entries(ENTRY_POINTS).map(([name, fn]) => [name, regexesRunBy(fn)] as const);

  it("the regexes are seen: the entry points run well over a hundred between them", () => {
    expect(new Set(runs.flatMap(([, rs]) => rs.map(String))).size).toBeGreaterThan(100);
  });

  for (const [name, regexes] of runs) {
    it(name, () => {
      const nested = regexes.flatMap((r) => nestedQuantifiers(r.source, r.flags).map((g) => `${r}: ${g}`));
      expect(nested).toEqual([]);
    });
  }
});
