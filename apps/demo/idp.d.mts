import type { IncomingMessage, ServerResponse } from 'node:http';

export interface DemoAccount {
  summary: string;
  claims: { email: string; email_verified: boolean; name: string; groups: string[]; eduPersonAffiliation: string[]; department: string; employeeType?: string; studentLevel?: string };
}

export const DEMO_PROGRAMS: string[];
export const DEMO_ACCOUNTS: Record<'olu' | 'ada' | 'pat' | 'uma', DemoAccount>;
export const DEMO_CLAIM_MAP: { actorClaim: string; roles: { claim: string; equals: string; role: 'admin' | 'organizer'; programs?: string[] }[] };
export const DEMO_CLIENT_ID: string;
export const DEMO_SCOPE: string;
export function createDemoProvider(options: { issuer: string; redirectUri: string }): {
  issuer: string;
  auth: { issuer: string; clientId: string; clientSecret: string; redirectUrl: string; scope: string; claimMap: typeof DEMO_CLAIM_MAP; secureCookies: false; allowInsecureProvider: true };
  handle(req: IncomingMessage, res: ServerResponse): unknown;
};
