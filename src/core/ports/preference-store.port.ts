import type { LangPreference } from "../commands/parse-command.js";

/** A user's choices, keyed by the platform-qualified user key (`slack:T1:U1`, `teams:29:abc`). */
export interface PreferenceStore {
  /** The language the user chose with `lang`, or undefined when they never chose. */
  getLanguage(userKey: string): Promise<LangPreference | undefined>;
  setLanguage(userKey: string, language: LangPreference): Promise<void>;
}
