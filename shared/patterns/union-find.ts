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

	/** The members of each set of at least `minSize`, each list in increasing order. */
	groups(minSize = 2): number[][] {
		const byRoot = new Map<number, number[]>();
		for (let i = 0; i < this.parent.length; i++) {
			if ((this.size[this.find(i)] as number) < minSize) continue;
			const root = this.find(i);
			let members = byRoot.get(root);
			if (!members) byRoot.set(root, (members = []));
			members.push(i);
		}
		return [...byRoot.values()];
	}
}
