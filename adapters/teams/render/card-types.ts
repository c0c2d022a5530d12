/** The parts of the Adaptive Card 1.5 schema our cards use (https://adaptivecards.io/explorer/). */
export type Spacing = "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge" | "Padding";

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  weight?: "Lighter" | "Default" | "Bolder";
  size?: "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  color?: "Default" | "Dark" | "Light" | "Accent" | "Good" | "Warning" | "Attention";
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

export interface Container {
  type: "Container";
  items: CardElement[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface FactSet {
  type: "FactSet";
  facts: { title: string; value: string }[];
}

export type CardElement = TextBlock | Container | FactSet;

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: Record<string, string>;
  tooltip?: string;
}

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

export type CardButton = SubmitAction | OpenUrlAction;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  body: CardElement[];
  actions?: CardButton[];
  fallbackText?: string;
  lang?: string;
}

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json" as const;

/** Teams' message size advice: keep a message within 80 KB, counted as UTF-16 (2 bytes per code unit). */
export const MAX_CARD_BYTES = 80 * 1024;

/** Size of a card as Teams counts a message: its JSON encoded as UTF-16
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages). */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf16le");
}

export function text(value: string, extra: Omit<TextBlock, "type" | "text"> = {}): TextBlock {
  return { type: "TextBlock", text: value, wrap: true, ...extra };
}

export function card(body: CardElement[], actions: CardButton[] = [], fallbackText?: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    body,
    ...(actions.length ? { actions } : {}),
    ...(fallbackText ? { fallbackText } : {}),
  };
}
