/**
 * @mentorkit/cli — the `mentorkit` command for catalog authors, and the same as a function:
 * `await run(['check', 'catalog.yaml'])` resolves to the exit status.
 */
export { run, VERSION } from './cli.js';
export { EXIT, type CliIo, type CliStream } from './io.js';
export { locate, SourceLocator, type SourcePath, type SourcePosition } from './locate.js';
