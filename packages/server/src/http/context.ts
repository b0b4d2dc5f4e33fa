/**
 * What every handler finds in the request context: the services (so a test passes a real database and a
 * fixed clock) and the route table (so a test can walk every route and its access rule).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { CatalogStore } from '../catalog/store.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { RsvpService } from '../rsvp/service.js';
import type { Logger } from './logger.js';

export interface Services {
  database: Database;
  catalogs: CatalogStore;
  rsvps: RsvpService;
  clock: Clock;
  logger: Logger;
  /** Absolute base URL for links in answers (manage links); absent: the request's own origin. */
  publicUrl: string | undefined;
}

export type Env = { Variables: { services: Services; actor: string } };
export type App = OpenAPIHono<Env>;

/** Who may call a route: anyone, the holder of a manage token (checked by the service), or an admin token. */
export type Access = 'public' | 'manage-token' | 'admin';

export interface RouteEntry {
  method: string;
  /** OpenAPI-style path, e.g. `/admin/registrations/{id}/cancel`. */
  path: string;
  access: Access;
}
