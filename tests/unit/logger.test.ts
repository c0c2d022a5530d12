import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { createLogger } from "../../src/logger.js";

describe("the logger's levels", () => {
  it("says which levels it writes, so a caller skips building fields nobody reads", () => {
    const lines: string[] = [];
    const info = createLogger("info", {}, (line) => {
      lines.push(line);
      return true;
    });
    expect(info.enabled?.("debug")).toBe(false);
    expect(info.enabled?.("info")).toBe(true);
    expect(info.enabled?.("error")).toBe(true);
    expect(info.child({ component: "qa" }).enabled?.("debug")).toBe(false);
    info.debug("not written");
    info.info("written");
    expect(lines).toHaveLength(1);
    expect(createLogger("debug", {}, () => true).enabled?.("debug")).toBe(true);
    expect(silentLogger.enabled?.("error")).toBe(false);
  });
});
