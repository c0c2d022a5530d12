/** Why a text, file or page could not become a release. */
export type IngestErrorCode =
  | "empty"
  | "too-short"
  | "too-long"
  | "unsupported-language"
  | "no-content"
  | "bad-input"
  /** Binary data: random bytes, an archive, an executable (see text-gate.ts). */
  | "not-text"
  /** Text, but not sentences of English or French: code, data, markup (see text-gate.ts). */
  | "not-prose";

/**
 * An input problem the user can fix. The message is written for the person who pasted the text or URL
 * (the CLI prints it as its one-line error, chat adapters show it as is), so it says what was wrong and what to do.
 */
export class IngestError extends Error {
  override readonly name = "IngestError";
  readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isIngestError(value: unknown): value is IngestError {
  return value instanceof IngestError;
}
