import type { webApi } from "@slack/bolt";
import type { LangPreference } from "../../src/core/commands/parse-command.js";
import type { Lang } from "../../src/core/domain/language.js";
import type { PreferenceStore } from "../../src/core/ports/preference-store.port.js";
import { languagesFor } from "./render/languages.js";

/** The Web API client of the request (it carries the token of the user's workspace). */
export type LocaleClient = Pick<webApi.WebClient, "users">;

/** Looks up a Slack user's locale (`users.info` with `include_locale`); undefined when Slack does not say. */
export type LocaleLookup = (userId: string, client: LocaleClient) => Promise<string | undefined>;

/** `users.info` with `include_locale`, with the token of the request's workspace. */
export const usersInfoLocale: LocaleLookup = async (user, client) => {
  const info = await client.users.info({ user, include_locale: true });
  return info.user?.locale;
};

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

/**
 * The languages to show a Slack user: their `lang` choice when they made one, else both with their Slack
 * locale's language first. Locales are cached for an hour and looked up once even when many requests of the
 * same user arrive together; a failed lookup counts as "no locale" (the brief still shows both languages).
 */
export class UserLanguages {
  private readonly locales = new Map<string, { at: number; locale: Promise<string | undefined>; known?: string }>();

  constructor(
    private readonly preferences: PreferenceStore,
    private readonly lookup: LocaleLookup = usersInfoLocale,
    private readonly now: () => number = Date.now,
  ) {}

  preference(userKey: string): Promise<LangPreference | undefined> {
    return this.preferences.getLanguage(userKey);
  }

  async languages(userKey: string, userId: string, client: LocaleClient): Promise<Lang[]> {
    const preference = await this.preference(userKey);
    if (preference === "en" || preference === "fr") return languagesFor(preference);
    return languagesFor(preference, await this.locale(userId, client));
  }

  /** Without waiting on Slack: the cached locale if any. For replies that must go out at once. */
  async languagesNow(userKey: string, userId: string): Promise<Lang[]> {
    return languagesFor(await this.preference(userKey), this.locales.get(userId)?.known);
  }

  /** An explicit choice (a language button), ordered by the cached locale when it is `both`. */
  forChoice(choice: LangPreference, userId: string): Lang[] {
    return languagesFor(choice, this.locales.get(userId)?.known);
  }

  private locale(userId: string, client: LocaleClient): Promise<string | undefined> {
    const hit = this.locales.get(userId);
    if (hit && this.now() - hit.at < TTL_MS) return hit.locale;
    if (this.locales.size >= MAX_ENTRIES) this.locales.clear();
    const entry: { at: number; locale: Promise<string | undefined>; known?: string } = {
      at: this.now(),
      locale: this.lookup(userId, client).then(
        (l) => {
          entry.known = l;
          return l;
        },
        () => undefined,
      ),
    };
    this.locales.set(userId, entry);
    return entry.locale;
  }
}
