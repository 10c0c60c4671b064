/**
 * How many tickets hold a shingle (a 32-bit hash), counted without a Map or a Set per ticket. Counting 100,000
 * descriptions' shingles in a Map, with a Set to count each once per ticket, took most of the boilerplate pass
 * (issue 16's speed regression): half of the 32-bit hashes are beyond V8's small integers, so each was a heap number
 * to hash and box, and a table of every shingle is megabytes of random memory traffic.
 *
 * Counts are kept in one Int32Array whose slots are three ints side by side (one cache line per look-up): the key,
 * its count (0 while the slot is free), and the ticket that counted it last, plus one, so that a shingle repeated
 * within one ticket counts once.
 */
class StampedCounts {
	protected slots: Int32Array;

	constructor(size: number) {
		this.slots = new Int32Array(3 * size);
	}

	/** Counts once per ticket at slot `at` (its count at `at + 1`, its stamp at `at + 2`). */
	protected count(at: number, ticket: number): void {
		const slots = this.slots;
		if (slots[at + 2] === ticket + 1) return;
		slots[at + 1] = (slots[at + 1] as number) + 1;
		slots[at + 2] = ticket + 1;
	}
}

/**
 * Upper bounds: one counter per bucket of hashes, counting the tickets that hold any shingle of the bucket. The
 * tickets that hold a shingle are among those, so a shingle whose bucket counts `limit` tickets or fewer is held by
 * `limit` or fewer. The buckets are few enough to stay in the processor's cache; only the shingles of the few
 * buckets above the limit are counted exactly (ExactShingleCounts), so the result is exact.
 */
export class ShingleBounds extends StampedCounts {
	private readonly mask: number;

	/**
	 * `shingles` counted in all, `limit` the count that matters: a bucket holds on average an eighth of the limit
	 * or less (32,768 buckets for Endava's 26 terms a ticket at 1 %), so that chance rarely takes one past it.
	 */
	constructor(shingles: number, limit: number) {
		let size = 1 << 10;
		while (size < (8 * shingles) / Math.max(1, limit) && size < 1 << 20) size *= 2;
		super(size);
		this.mask = size - 1;
	}

	add(shingle: number, ticket: number): void {
		this.count(3 * (shingle & this.mask), ticket);
	}

	/** At least how many tickets hold `shingle`. */
	bound(shingle: number): number {
		return this.slots[3 * (shingle & this.mask) + 1] as number;
	}

	anyAbove(limit: number): boolean {
		for (let at = 1; at < this.slots.length; at += 3) if ((this.slots[at] as number) > limit) return true;
		return false;
	}
}

/** Exact counts of the shingles it is given (few: those whose bound passed the limit). */
export class ExactShingleCounts extends StampedCounts {
	private used = 0;

	constructor() {
		super(1 << 10);
	}

	/** The slot of `shingle`, or of the free slot where it would go; from the hash's high bits (its low bits chose its bucket). */
	private slotOf(shingle: number, slots = this.slots): number {
		const mask = slots.length / 3 - 1;
		let slot = Math.imul(shingle, 0x9e3779b1) >>> 12;
		for (;;) {
			slot &= mask;
			if (slots[3 * slot + 1] === 0 || slots[3 * slot] === shingle) return 3 * slot;
			slot++;
		}
	}

	add(shingle: number, ticket: number): void {
		const at = this.slotOf(shingle);
		const added = this.slots[at + 1] === 0;
		this.slots[at] = shingle;
		this.count(at, ticket);
		// Kept at most half full, so that probe runs stay short.
		if (added && ++this.used * 2 > this.slots.length / 3) this.grow();
	}

	/** How many tickets hold `shingle`. */
	get(shingle: number): number {
		return this.slots[this.slotOf(shingle) + 1] as number;
	}

	private grow(): void {
		const old = this.slots;
		const slots = new Int32Array(old.length * 2);
		for (let from = 0; from < old.length; from += 3) {
			if (old[from + 1] !== 0) slots.set(old.subarray(from, from + 3), this.slotOf(old[from] as number, slots));
		}
		this.slots = slots;
	}
}
