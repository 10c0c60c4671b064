/**
 * The read half of the rate limit: a fixed one-minute window per token, counted in the isolate's memory. Reads are
 * the popup and the overlay polling; counting them in D1 would turn every read into a write on the primary database
 * (no read replica could serve it) and double its latency. An isolate serves many requests of a client in a row, so
 * this stops a runaway loop; across isolates it is best effort, which is all a read limit needs. Writes are counted in
 * D1, exactly (worker/db/tokens.ts).
 */
const MAX_TRACKED = 10_000;
const counters = new Map<string, { minute: number; n: number }>();

/** Counts one read of `tokenId` in `minute` and returns the count, this one included. */
export function countRead(tokenId: string, minute: number): number {
	const counter = counters.get(tokenId);
	if (counter && counter.minute === minute) return ++counter.n;
	if (counters.size >= MAX_TRACKED) {
		for (const [id, old] of counters) if (old.minute !== minute) counters.delete(id);
		if (counters.size >= MAX_TRACKED) counters.clear();
	}
	counters.set(tokenId, { minute, n: 1 });
	return 1;
}
