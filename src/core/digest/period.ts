import type { Schedule } from "../domain/subscription.js";

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock date and time of an instant in an IANA timezone; Intl knows the zone's DST rules. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The ledger period of a scheduled run: its local date in the subscription's timezone for daily, weekday and
 * weekly schedules (one digest per local day), the local date and time for cron schedules that may run
 * several times a day. The same run always maps to the same key, whatever the UTC offset that day.
 */
export function periodKey(schedule: Schedule, timeZone: string, slot: Date): string {
  const local = localTime(slot, timeZone);
  return schedule.kind === "cron" ? `${local.date}T${local.time}` : local.date;
}

/** true for a zone name Intl knows ("Europe/Brussels", "UTC"); abbreviations like "CET" are refused. */
export function isIanaTimezone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone.includes("/") || timeZone === "UTC";
  } catch {
    return false;
  }
}
