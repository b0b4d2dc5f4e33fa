export declare const root: string;
export declare const coreBrowserEntry: string;
export declare function definedTags(): string[];
export declare function translatedLocales(): string[];
export declare function buildCdn(options: { outdir: string; minify?: boolean; only?: string[] }): Promise<string[]>;
