import { z } from 'zod';

/** ISO 8601 timestamp with an offset or Z, as `Date.prototype.toISOString` writes it. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** A short lowercase word: "confusing", "too-many-steps". Kept small so tags group well. */
export const TagSchema = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a tag is 1-32 lowercase letters, digits or dashes');

/** Opaque ids the server makes (items, hints, tokens, workspaces). */
export const ServerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not a valid id');
