/**
 * An open-addressing hash table from a word's (hashA, hashB, length) to a number, in one Int32Array of 4-int slots:
 * no string is kept or built to look a word up. A length of 0 marks a free slot (words have 2 characters or more).
 */
export class WordTable {
	private slots = new Int32Array(4 * 4096);
	private used = 0;

	get(a: number, b: number, length: number): number | undefined {
		const slots = this.slots;
		const mask = slots.length / 4 - 1;
		let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
		for (;;) {
			const at = slot * 4;
			if (slots[at + 2] === 0) return undefined;
			if (slots[at] === a && slots[at + 1] === b && slots[at + 2] === length) return slots[at + 3] as number;
			slot = (slot + 1) & mask;
		}
	}

	set(a: number, b: number, length: number, value: number): void {
		// Kept at most half full, so that probe runs stay short.
		if ((this.used + 1) * 2 > this.slots.length / 4) this.grow();
		const mask = this.slots.length / 4 - 1;
		let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
		while (this.slots[slot * 4 + 2] !== 0) slot = (slot + 1) & mask;
		const at = slot * 4;
		this.slots[at] = a;
		this.slots[at + 1] = b;
		this.slots[at + 2] = length;
		this.slots[at + 3] = value;
		this.used++;
	}

	private grow(): void {
		const old = this.slots;
		this.slots = new Int32Array(old.length * 2);
		this.used = 0;
		for (let at = 0; at < old.length; at += 4) {
			if (old[at + 2] !== 0) this.set(old[at] as number, old[at + 1] as number, old[at + 2] as number, old[at + 3] as number);
		}
	}
}
