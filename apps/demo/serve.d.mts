import type { Server } from 'node:http';
export function createDemoServer(): Server;
