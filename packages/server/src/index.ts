/**
 * @mentorkit/server — runs a mentorkit program: the RSVP API on PGlite or PostgreSQL, enforcing the
 * catalog's rules with @mentorkit/core.
 */
export { createServer, type MentorkitServer, type ServerOptions } from './app.js';
export { openDatabase, MIGRATIONS_FOLDER, type Database, type Db, type OpenDatabaseOptions } from './db/database.js';
export { DataDirInUseError } from './db/folder-lock.js';
export { CatalogStore, CatalogLoadError, type CatalogProblem, type CatalogSnapshot } from './catalog/store.js';
export { RsvpService, type RsvpCreated, type OccurrenceStatus } from './rsvp/service.js';
export { RsvpBodySchema, type RsvpBody } from './rsvp/payload.js';
export { ApiError, ERROR_STATUS, type ErrorCode, type ErrorBody } from './errors.js';
export { clockFrom, systemClock, type Clock } from './clock.js';
export { createToken, revokeToken, listTokens, TOKEN_ROLES, type TokenRole } from './tokens.js';
export { jsonLogger, silentLogger, type Logger } from './http/logger.js';
export { authOptionsFromEnv, parseClaimMap, rolesFromClaims, ClaimMapSchema, type AuthOptions, type ClaimMap, type StaffRoles } from './auth/config.js';
export { CSRF_HEADER, type Principal } from './auth/staff.js';
export type { Access, ProgramAccess, RouteEntry, Services } from './http/context.js';
export { MailDelivery, Notifier, smtpTransport, type MailOptions, type DeliveryResult } from './mail/outbox.js';
export { render as renderMessage, TEXTS as MESSAGE_TEXTS, type MessageKind, type MessageInput, type RenderedMessage } from './mail/messages.js';
