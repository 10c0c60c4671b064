import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../../worker/env';

declare global {
	namespace Cloudflare {
		interface Env extends Bindings {
			TEST_MIGRATIONS: D1Migration[];
			/** Optional: cases per property test of fuzz.test.ts (a multiplier; 667 when absent, 10,005 cases in all). */
			FUZZ_RUNS?: string;
		}
	}
}
