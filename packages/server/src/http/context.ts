/**
 * What every handler finds in the request context: the services (so a test passes a real database and a
 * fixed clock) and the route table (so a test can walk every route and its access rule).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Principal, StaffAuth } from '../auth/staff.js';
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
  /** Staff sign-in with the university's OpenID Connect provider; undefined when not configured. */
  auth: StaffAuth | undefined;
}

export type Env = { Variables: { services: Services; actor: string; principal: Principal } };
export type App = OpenAPIHono<Env>;

/**
 * Who may call a route: anyone; the holder of a manage token (checked by the service); any staff member
 * (`staff`: a signed-in person with a role, or an admin token); an admin (token or signed-in); or an
 * organizer of the programs the route's data belongs to (admins too). Every route declares one.
 */
export type Access = 'public' | 'manage-token' | 'staff' | 'admin' | ProgramAccess;

export interface ProgramAccess {
  role: 'organizer';
  scope: 'program';
  /**
   * The programs of the data the request touches (e.g. a workshop id in the query → its programs in the
   * catalog). An organizer passes when they organize at least one of them; an empty list or undefined (the
   * data names no program, or the request asks for everything) lets admins only.
   */
  programs: (c: Context<Env>) => Promise<readonly string[] | undefined> | readonly string[] | undefined;
}

export interface RouteEntry {
  method: string;
  /** OpenAPI-style path, e.g. `/admin/registrations/{id}/cancel`. */
  path: string;
  access: Access;
}
