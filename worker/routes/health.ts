import { Hono } from 'hono';
import { API_VERSION } from '../../shared/limits';
import type { AppEnv } from '../env';

export const health = new Hono<AppEnv>().get('/', (c) => c.json({ ok: true as const, version: API_VERSION }, 200));
