/** Disjoint sets over 0..n-1 with union by size and path halving: near-constant time per operation. */
export class UnionFind {
	readonly parent: Int32Array;
	private readonly size: Int32Array;

	constructor(n: number) {
		this.parent = new Int32Array(n);
		this.size = new Int32Array(n).fill(1);
		for (let i = 0; i < n; i++) this.parent[i] = i;
	}

	find(i: number): number {
		const parent = this.parent;
		let x = i;
		while (parent[x] !== x) {
			const grand = parent[parent[x] as number] as number;
			parent[x] = grand;
			x = grand;
		}
		return x;
	}

	/** Joins the sets of a and b; false when they were already one. */
	union(a: number, b: number): boolean {
		let ra = this.find(a);
		let rb = this.find(b);
		if (ra === rb) return false;
		if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
		this.parent[rb] = ra;
		this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
		return true;
	}

	/**
	 * The members of each set of at least `minSize`, each list in increasing order, the lists in the order of their
	 * smallest members. Lists are numbered per root in a typed array and allocated at their final size: a Map of
	 * growing arrays cost as much as the union-find itself at 100,000 tickets.
	 */
	groups(minSize = 2): number[][] {
		const n = this.parent.length;
		const listOf = new Int32Array(n).fill(-1);
		const filled: number[] = [];
		const lists: number[][] = [];
		for (let i = 0; i < n; i++) {
			const root = this.find(i);
			const size = this.size[root] as number;
			if (size < minSize) continue;
			let list = listOf[root] as number;
			if (list === -1) {
				list = lists.length;
				listOf[root] = list;
				lists.push(new Array<number>(size));
				filled.push(0);
			}
			(lists[list] as number[])[filled[list] as number] = i;
			filled[list] = (filled[list] as number) + 1;
		}
		return lists;
	}
}
