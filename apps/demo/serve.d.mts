import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger, MentorkitServer } from '@mentorkit/server';

export const DEMO_CLOCK_START: string;
export const DEMO_CATALOGS: string[];
export function createDemoServer(options?: { api?: (req: IncomingMessage, res: ServerResponse) => unknown }): Server;
export function startDemo(options?: { port?: number; host?: string; dataDir?: string; logger?: Logger }): Promise<{ url: string; rsvp: MentorkitServer; close(): Promise<void> }>;
