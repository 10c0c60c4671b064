/** Build-time constants set in wxt.config.ts (`define`); undefined under vitest, which reads them as the defaults. */
interface ImportMetaEnv {
	/** A test build (GX_TEST_BUILD=1): loopback granted, performance marks for the benchmark. */
	readonly GX_TEST_BUILD?: boolean;
	/** Test builds only: the period of automatic friction counters in ms ('' = the real 24 h). */
	readonly GX_FRICTION_PERIOD_MS?: string;
	/** Test builds only: the first retry's delay after a failed sync in ms ('' = the real 5 s); it doubles all the same. */
	readonly GX_BACKOFF_BASE_MS?: string;
}
