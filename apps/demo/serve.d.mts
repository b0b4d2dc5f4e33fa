import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger, MentorkitServer } from '@mentorkit/server';

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

export const DEMO_CLOCK_START: string;
export const DEMO_CATALOGS: string[];
export function createDemoServer(options?: { api?: Listener; mail?: { handle: Listener }; idp?: () => { handle: Listener }; console?: () => string | undefined }): Server;
export function startDemo(options?: { port?: number; host?: string; dataDir?: string; logger?: Logger }): Promise<{ url: string; rsvp: MentorkitServer; mail: { url: string }; idp: { issuer: string }; close(): Promise<void> }>;
