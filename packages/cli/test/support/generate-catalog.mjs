// Generates a large, valid catalog for the build tests and the benchmark: `workshops` workshops spread
// over two years around 2026-06-01 in four time zones, some weekly series, request-only offerings,
// programs, audiences, a curriculum and resources. Deterministic: the same count gives the same text.
import { stringify } from 'yaml';

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata'];
const ROLES = ['faculty', 'postdoc', 'graduate-student', 'junior-faculty', 'staff', 'research-officer'];
const DAY = 86_400_000;
const pad = (n) => String(n).padStart(2, '0');

/** @param {{ workshops?: number, resources?: number, programs?: number }} [options] */
export function generateCatalog({ workshops = 5000, resources = 300, programs = 25 } = {}) {
  const audiences = ROLES.map((role) => ({ id: `aud-${role}`, name: `People in the ${role} role`, roles: [role] }));
  const themes = Array.from({ length: 8 }, (_, t) => ({
    id: `theme-${t}`,
    title: `Theme ${t + 1}`,
    objectives: Array.from({ length: 3 }, (_, o) => ({ id: `obj-${t}-${o}`, code: `T${t + 1}.${o + 1}`, statement: `Objective ${o + 1} of theme ${t + 1}.` })),
  }));
  const base = Date.UTC(2025, 5, 2); // a Monday, one year before 2026-06-01
  return {
    version: 1,
    id: 'generated',
    title: `Generated catalog with ${workshops} workshops`,
    defaultTimeZone: 'America/New_York',
    language: 'en',
    organizations: Array.from({ length: 10 }, (_, i) => ({ id: `org-${i}`, name: `Organization ${i + 1}`, kind: 'center', url: `https://org${i}.generated-university.edu/` })),
    people: Array.from({ length: 50 }, (_, i) => ({ id: `person-${i}`, name: `Person ${i + 1}`, affiliation: `org-${i % 10}` })),
    audiences,
    curricula: [{ id: 'core-curriculum', title: 'Core curriculum', themes }],
    policies: [
      {
        id: 'open',
        window: { opens: { kind: 'session', before: 'P14D' }, closes: { kind: 'session', before: 'PT24H' } },
        capacity: 40,
      },
      {
        id: 'mentors',
        eligibility: { fact: 'role', operator: 'in', value: ['faculty', 'postdoc'] },
        priority: [{ id: 'first', label: 'Faculty first', when: { fact: 'role', operator: 'equals', value: 'faculty' } }],
        window: { closes: { kind: 'session', before: 'PT2H' } },
      },
    ],
    programs: Array.from({ length: programs }, (_, i) => ({
      id: `program-${i}`,
      title: `Program ${i + 1}`,
      hosts: [`org-${i % 10}`],
      audiences: [audiences[i % audiences.length].id],
      rsvpPolicy: i % 2 === 0 ? 'open' : 'mentors',
    })),
    workshops: Array.from({ length: workshops }, (_, i) => workshop(i, base, programs, audiences)),
    resources: Array.from({ length: resources }, (_, i) => ({
      id: `resource-${i}`,
      kind: ['article', 'video', 'guide', 'website'][i % 4],
      title: `Resource ${i + 1}`,
      description: `What resource ${i + 1} is about, in a sentence or two.`,
      url: `https://library.generated-university.edu/resources/${i}`,
      provider: `org-${i % 10}`,
      audiences: [audiences[i % audiences.length].id],
    })),
  };
}

function workshop(i, base, programs, audiences) {
  const common = {
    id: `workshop-${i}`,
    title: `Workshop ${i + 1}: mentoring topic ${i % 97}`,
    summary: `A one-sentence summary of workshop ${i + 1}.`,
    programs: [`program-${i % programs}`],
    audiences: [audiences[i % audiences.length].id],
    objectives: [{ ref: `obj-${i % 8}-${i % 3}` }, { statement: `Practise skill ${i % 13}.` }],
    presenters: [{ role: 'facilitator', person: `person-${i % 50}` }],
    hosts: [`org-${i % 10}`],
  };
  if (i % 10 === 9) {
    return { ...common, kind: 'request-only', request: { method: 'email', email: `org${i % 10}@generated-university.edu`, whoText: 'Department chairs' } };
  }
  const day = new Date(base + (i % 730) * DAY);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const hour = 9 + (i % 8);
  const zone = ZONES[i % ZONES.length];
  const session = {
    id: `session-${i}`,
    start: `${date}T${pad(hour)}:00`,
    end: `${date}T${pad(hour + 1)}:30`,
    timeZone: zone,
    location: i % 3 === 0 ? { kind: 'online', platform: 'Zoom' } : { kind: 'in-person', venue: `Building ${i % 20}`, room: `Room ${100 + (i % 50)}` },
    ...(i % 5 === 0 ? { recurrence: { rrule: 'FREQ=WEEKLY;COUNT=6' } } : {}),
  };
  return { ...common, kind: 'scheduled', modality: i % 3 === 0 ? 'online' : 'in-person', sessions: [session] };
}

/** The generated catalog as YAML text, the format authors write. */
export function generateCatalogYaml(options) {
  return stringify(generateCatalog(options), { lineWidth: 0 });
}
