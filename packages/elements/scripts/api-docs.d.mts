/** Types for api-docs.mjs (used by test/api-docs.test.ts). */
export declare const docsPath: string;
export interface TokenDefault {
  name: string;
  light: string;
  dark: string | undefined;
}
export declare function tokenDefaults(source: string): TokenDefault[];
export declare function apiDocs(manifest: { modules: { declarations?: unknown[] }[] }, tokensSource: string): string;
export declare function currentApiDocs(): string;
