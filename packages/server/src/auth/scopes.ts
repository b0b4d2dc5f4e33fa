/**
 * How a route finds the programs of the data it touches, for `{ role: 'organizer', scope: 'program' }`
 * access rules. A workshop may belong to several programs; an organizer of any of them may act on it.
 */
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { registrations } from '../db/schema.js';
import type { Env, ProgramAccess } from '../http/context.js';

/** The programs of one workshop in the current catalogs (none when the workshop is unknown). */
export function programsOfWorkshop(c: Context<Env>, workshopId: string | undefined): readonly string[] {
  if (workshopId === undefined) return [];
  const entry = c.var.services.catalogs.current.workshops.get(workshopId);
  return entry?.workshop.programs.map((p) => p.id) ?? [];
}

/** Organizers of the programs of the workshop named in the query (`?workshop=`); without it, admins only. */
export function organizerOfQueryWorkshop(name = 'workshop'): ProgramAccess {
  return { role: 'organizer', scope: 'program', programs: (c) => programsOfWorkshop(c, c.req.query(name)) };
}

/** Organizers of the programs of the registration named in the path (`{id}`). */
export function organizerOfRegistration(param = 'id'): ProgramAccess {
  return {
    role: 'organizer',
    scope: 'program',
    programs: async (c) => {
      const id = c.req.param(param);
      if (id === undefined) return [];
      const [row] = await c.var.services.database.db.select({ workshopId: registrations.workshopId }).from(registrations).where(eq(registrations.id, id));
      return programsOfWorkshop(c, row?.workshopId);
    },
  };
}

/** Organizers of the programs of the workshop named in the path (`{workshopId}`). */
export function organizerOfPathWorkshop(param = 'workshopId'): ProgramAccess {
  return { role: 'organizer', scope: 'program', programs: (c) => programsOfWorkshop(c, c.req.param(param)) };
}

/** The workshops an organizer of these programs may see (every workshop for an admin). */
export function workshopsOfPrograms(c: Context<Env>, roles: { admin: boolean; programs: readonly string[] }): string[] {
  const all = [...c.var.services.catalogs.current.workshops.values()];
  return all.filter((e) => roles.admin || e.workshop.programs.some((p) => roles.programs.includes(p.id))).map((e) => e.workshop.id);
}
