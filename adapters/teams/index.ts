/**
 * Microsoft Teams adapter. Every import of `botbuilder` in the project lives under this folder, so moving to its
 * successor (`@microsoft/agents-hosting`) is a change of this folder only.
 */
export type { ConversationRefStore, StoredConversationRef } from "../../src/core/ports/conversation-ref-store.port.js";
export { TeamsChatTarget } from "./delivery/teams-chat-target.js";
export { type StartTeamsOptions, startTeams, type TeamsAdapter } from "./start-teams.js";
export { createTeamsClient, type TeamsClient, type TeamsConfig } from "./teams-client.js";
