import type { Plugin } from 'esbuild';
export declare function minifyTemplates(source: string): string;
export declare const minifyTemplatesPlugin: Plugin;
