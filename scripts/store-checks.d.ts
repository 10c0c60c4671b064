export const ICON_SIZES: number[];
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined;
export function storeProblems(dir: string): string[];
