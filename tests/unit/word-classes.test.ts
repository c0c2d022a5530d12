import { describe, expect, it } from "vitest";
import { classMembers } from "../../src/core/qa/word-classes.js";

describe("class nouns and the words naming their members", () => {
  it("finds patrol boats in « vedettes » and « patrouilleurs », and boats in French", () => {
    expect(classMembers("patrol boats")).toEqual(expect.arrayContaining(["vedettes", "patrouilleurs"]));
    expect(classMembers("Patrol boat")).toEqual(expect.arrayContaining(["vedette"]));
    expect(classMembers("bateaux")).toEqual(expect.arrayContaining(["vedettes", "patrol boats"]));
  });

  it("keeps the existing classes and leaves other words alone", () => {
    expect(classMembers("avions")).toEqual(expect.arrayContaining(["Gripen"]));
    expect(classMembers("lake")).toEqual([]);
  });
});
