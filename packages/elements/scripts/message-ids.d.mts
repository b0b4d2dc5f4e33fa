export declare function shortId(index: number): string;
export declare function messageIdMap(files: string[]): Map<string, string>;
export declare function renameMessageIds(
  source: string,
  file: string,
  ids: Map<string, string>,
  options?: { catalogue?: boolean; used?: Set<string> },
): { contents: string; errors: string[] };
export declare function assertAllUsed(ids: Map<string, string>, used: Set<string>): void;
