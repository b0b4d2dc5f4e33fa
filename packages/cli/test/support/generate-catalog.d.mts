export interface GenerateOptions {
  workshops?: number;
  resources?: number;
  programs?: number;
}
export function generateCatalog(options?: GenerateOptions): Record<string, unknown>;
export function generateCatalogYaml(options?: GenerateOptions): string;
