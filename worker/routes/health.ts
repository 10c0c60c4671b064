import { Hono } from 'hono';
import { API_VERSION } from '../../shared/limits';
import { PRODUCT_VERSION } from '../../shared/version';
import type { AppEnv } from '../env';

// `version` is the product's (the extension and the CLI say the same); `api` is the contract's, added beside it.
export const health = new Hono<AppEnv>().get('/', (c) => c.json({ ok: true as const, version: PRODUCT_VERSION, api: API_VERSION }, 200));
