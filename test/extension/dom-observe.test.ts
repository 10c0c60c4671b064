import { afterEach, describe, expect, it } from 'vitest';
import { observe } from '../../extension/core/dom';

/** Lets the MutationObserver deliver what changed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('observe', () => {
	afterEach(() => {
		document.body.innerHTML = '';
	});

	it('calls back once for each matching element: those present, those GLPI adds later (nested too), none twice', async () => {
		document.body.innerHTML = '<div id="list"><table class="search-results" id="first"></table></div>';
		const found: string[] = [];
		const controller = new AbortController();
		observe('table.search-results', (table) => found.push(table.id), { signal: controller.signal });
		expect(found).toEqual(['first']);

		// GLPI's fluid search replaces the list's container: the new table comes inside an added subtree.
		const list = document.getElementById('list') as HTMLElement;
		list.innerHTML = '<div class="card"><table class="search-results" id="second"></table></div>';
		// A table added directly, then moved: still one call.
		const third = document.createElement('table');
		third.className = 'search-results';
		third.id = 'third';
		document.body.append(third);
		list.append(third);
		await settle();
		expect(found).toEqual(['first', 'second', 'third']);

		controller.abort();
		document.body.insertAdjacentHTML('beforeend', '<table class="search-results" id="after"></table>');
		await settle();
		expect(found).toEqual(['first', 'second', 'third']);
	});

	it('does not look inside our own hosts (gx-…), which GLPI never fills', async () => {
		const found: string[] = [];
		observe('table.search-results', (table) => found.push(table.id), { signal: new AbortController().signal });
		const ours = document.createElement('gx-pattern-highlights');
		ours.innerHTML = '<table class="search-results" id="ours"></table>';
		document.body.append(ours);
		document.body.insertAdjacentHTML('beforeend', '<section><table class="search-results" id="glpi"></table></section>');
		await settle();
		expect(found).toEqual(['glpi']);
	});
});
