export declare function minifyTemplates(source: string): string;
