/**
 * Remembers platform event ids so a redelivered event is handled once. Slack redelivers an event (same
 * `event_id`, header `X-Slack-Retry-Num`) when the first delivery was not acknowledged in time:
 * https://docs.slack.dev/apis/events-api/#retries
 */
export interface EventDedupe {
  /** true the first time `key` is seen (and records it), false for every later call with the same key. */
  firstSeen(key: string): Promise<boolean>;
}
