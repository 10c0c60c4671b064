export const projectRoot: string;
export function offlineEnv(): Record<string, string>;
