import type { Lang } from "./language.js";

/** Languages a digest is written in. */
export type DigestLanguages = "en" | "fr" | "both";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
/** 0 = Sunday … 6 = Saturday, as in cron. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** When a digest goes out, in the subscription's own timezone. `time` is "HH:MM", 24-hour. */
export type Schedule =
  | { kind: "daily"; time: string }
  | { kind: "weekdays"; time: string }
  | { kind: "weekly"; day: Weekday; time: string }
  /** Minute-level cron text (5 fields), for schedules the three kinds above do not cover. */
  | { kind: "cron"; expression: string };

/** A channel's standing order for a digest. */
export interface Subscription {
  id: string;
  /** Platform and conversation: "slack:C123", "teams:19:abc@thread.tacv2", "console:local". */
  target: string;
  schedule: Schedule;
  /** IANA timezone the schedule is read in, e.g. "Europe/Brussels". */
  timezone: string;
  languages: DigestLanguages;
  /** Keywords: a release matches when its text contains any of them (accents and case ignored). Empty: all. */
  topics: string[];
  enabled: boolean;
  /** Why it was disabled, e.g. "channel_not_found" when the target was deleted. */
  disabledReason?: string | undefined;
  createdBy?: string | undefined;
  createdAt: string;
  updatedAt: string;
}

export type NewSubscription = Omit<Subscription, "id" | "createdAt" | "updatedAt" | "enabled" | "disabledReason">;

export interface TargetRef {
  /** "slack", "teams", "console", … */
  platform: string;
  /** The platform's id of the conversation; may itself contain colons (Teams). */
  id: string;
  /** `${platform}:${id}` */
  key: string;
}

export class SubscriptionError extends Error {
  override readonly name = "SubscriptionError";
}

export function parseTarget(key: string): TargetRef {
  const m = /^([a-z][a-z0-9-]*):(\S+)$/.exec(key.trim());
  if (!m) {
    throw new SubscriptionError(
      `target must look like platform:conversation, e.g. slack:C123 or console:local (got "${key}")`,
    );
  }
  return { platform: m[1]!, id: m[2]!, key: `${m[1]}:${m[2]}` };
}

export function langsOf(choice: DigestLanguages): Lang[] {
  return choice === "both" ? ["en", "fr"] : [choice];
}

/** "8:05" → "08:05"; throws on anything that is not a time of day. */
export function normalizeTime(text: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 23 || min > 59) throw new SubscriptionError(`"${text}" is not a time of day (HH:MM, 24-hour)`);
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** "mon", "monday", "lundi", "1" → 1. */
export function parseWeekday(text: string): Weekday {
  const t = text.trim().toLowerCase();
  if (/^[0-7]$/.test(t)) return (Number(t) % 7) as Weekday;
  const fr = ["dim", "lun", "mar", "mer", "jeu", "ven", "sam"];
  const n = t.length >= 3 ? WEEKDAYS.findIndex((d, i) => t.startsWith(d) || t.startsWith(fr[i]!)) : -1;
  if (n < 0) throw new SubscriptionError(`"${text}" is not a day of the week (mon … sun)`);
  return n as Weekday;
}

/** The 5-field cron text node-cron runs for a schedule. */
export function cronOf(schedule: Schedule): string {
  if (schedule.kind === "cron") return schedule.expression.trim();
  const [h, m] = normalizeTime(schedule.time).split(":").map(Number) as [number, number];
  const dow = schedule.kind === "daily" ? "*" : schedule.kind === "weekdays" ? "1-5" : String(schedule.day);
  return `${m} ${h} * * ${dow}`;
}

export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case "daily":
      return `daily at ${schedule.time}`;
    case "weekdays":
      return `weekdays at ${schedule.time}`;
    case "weekly":
      return `every ${WEEKDAYS[schedule.day]} at ${schedule.time}`;
    case "cron":
      return `cron "${schedule.expression}"`;
  }
}

/**
 * Reads the short forms the CLI and chat accept: "daily", "weekdays", a day name ("mon") for weekly, with a
 * time; or `cron` text (given separately).
 */
export function scheduleFrom(input: {
  days?: string | undefined;
  time?: string | undefined;
  cron?: string | undefined;
}): Schedule {
  if (input.cron !== undefined) {
    if (input.days !== undefined || input.time !== undefined) {
      throw new SubscriptionError("give either a cron expression or days/time, not both");
    }
    const expression = input.cron.trim().replace(/\s+/g, " ");
    if (expression.split(" ").length !== 5) {
      throw new SubscriptionError(`cron text must have 5 fields (minute hour day month weekday), got "${input.cron}"`);
    }
    return { kind: "cron", expression };
  }
  const time = normalizeTime(input.time ?? "08:00");
  const days = (input.days ?? "daily").trim().toLowerCase();
  if (days === "daily" || days === "every-day" || days === "tous-les-jours") return { kind: "daily", time };
  if (days === "weekdays" || days === "semaine") return { kind: "weekdays", time };
  return { kind: "weekly", day: parseWeekday(days.replace(/^weekly[:-]?/, "")), time };
}
