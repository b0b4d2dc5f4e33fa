import { SPANISH_REASONS, type ReasonMessages } from '@mentorkit/core/browser';

/**
 * Core's Spanish templates for its eligibility reasons (the server and the CLI word theirs with the same
 * ones). Loaded with the rest of the Spanish messages, only by pages that need them
 * (src/internal/localize.ts).
 */
export const reasonMessages: ReasonMessages = SPANISH_REASONS.messages;
