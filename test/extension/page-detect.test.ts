import { describe, expect, it } from 'vitest';
import { DETECTOR_EXAMPLES, DETECTORS, pageKindOf } from '../../extension/glpi/page-detect';

describe('page detectors', () => {
	const all = Object.entries(DETECTOR_EXAMPLES).flatMap(([kind, urls]) => urls.map((url) => ({ kind, url })));

	for (const [kind, detect] of DETECTORS) {
		it(`${kind} matches its own examples`, () => {
			for (const url of DETECTOR_EXAMPLES[kind]) {
				expect(detect(new URL(url)), `${kind} should match ${url}: if not, the detection is wrong; if it should not, remove the URL from its examples`).toBe(true);
			}
		});
		it(`${kind} matches no other detector's examples`, () => {
			for (const example of all.filter((entry) => entry.kind !== kind)) {
				expect(detect(new URL(example.url)), `${kind} must not match ${example.url} (an example of ${example.kind})`).toBe(false);
			}
		});
	}

	it('names each example with its own kind and everything else "other"', () => {
		for (const { kind, url } of all) expect(pageKindOf(new URL(url))).toBe(kind);
		for (const url of ['https://glpi.example.org/front/computer.php', 'https://glpi.example.org/front/ticket.form.php.bak', 'https://glpi.example.org/front/myticket.php']) {
			expect(pageKindOf(new URL(url))).toBe('other');
		}
	});
});
