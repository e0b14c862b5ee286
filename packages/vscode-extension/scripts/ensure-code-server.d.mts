export const CODE_SERVER_VERSION: string;
export const cacheDir: string;
export const codeServerBin: string;
export function ensureCodeServer(options?: { log?: (line: string) => void }): string;
