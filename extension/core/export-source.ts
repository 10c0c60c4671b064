import { type ExportRequest, fetchExport } from '../glpi/csv-export';
import type { Result } from './messaging';
import type { ExportInput } from './pattern-messages';

/**
 * Asks the background about an export; when it has none cached, downloads the export here, in the GLPI page, with
 * the user's session (glpi/csv-export.ts), and asks again with the text. The background never fetches GLPI.
 */
export async function withExport<T>(request: ExportRequest, ask: (input: ExportInput) => Promise<Result<T | null>>, signal: AbortSignal): Promise<T> {
	const cached = await ask({ key: request.key });
	if (!cached.ok) throw new Error(cached.error);
	if (cached.value !== null) return cached.value;
	const { text, truncated } = await fetchExport(request.url, { signal });
	const fresh = await ask({ key: request.key, csv: text, truncated });
	if (!fresh.ok) throw new Error(fresh.error);
	if (fresh.value === null) throw new Error('the background kept no export');
	return fresh.value;
}
