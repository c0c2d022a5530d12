import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const load = (env: Record<string, string>) => loadConfig({ ...env }, { dotenvPath: false });

describe("Q&A configuration", () => {
  it("defaults to 20 questions per user per hour and 500-character questions", () => {
    expect(load({}).qa).toEqual({ rateLimitPerHour: 20, maxQuestionChars: 500, modelReading: "wide" });
    expect(load({ QA_RATE_LIMIT_PER_HOUR: "5", QA_MAX_QUESTION_CHARS: "300", QA_MODEL_READING: "checked" }).qa).toEqual(
      { rateLimitPerHour: 5, maxQuestionChars: 300, modelReading: "checked" },
    );
  });

  it("names the bad variable, not its value", () => {
    expect(() => load({ QA_RATE_LIMIT_PER_HOUR: "lots" })).toThrow(ConfigError);
    expect(() => load({ QA_RATE_LIMIT_PER_HOUR: "lots" })).toThrow(
      /QA_RATE_LIMIT_PER_HOUR must be a whole number \(got a value of 4 characters, not shown\)/,
    );
    expect(() => load({ QA_RATE_LIMIT_PER_HOUR: "0" })).toThrow(/QA_RATE_LIMIT_PER_HOUR/);
    expect(() => load({ QA_MAX_QUESTION_CHARS: "5" })).toThrow(/QA_MAX_QUESTION_CHARS/);
    expect(() => load({ QA_MODEL_READING: "everything" })).toThrow(/QA_MODEL_READING/);
  });
});
