/** Escapes text for use as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `\b` is ASCII-only even with the u flag ("où", "durée"): the same boundary over Unicode letters and digits. */
const UNICODE_BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;

/** The regex with each `\b` made a boundary between Unicode letters or digits and anything else. */
export function unicodeBoundaries(re: RegExp): RegExp {
  return new RegExp(re.source.replaceAll(String.raw`\b`, UNICODE_BOUNDARY), re.flags);
}
