import { afterEach, describe, expect, it } from 'vitest';
import type { CheckMetric } from '../../shared/schemas/metrics';
import { checkSentence } from '../../extension/core/check-words';
import { setLanguage } from '../../extension/i18n';

const check = (before: number | null, after: number | null, change: number | null, windowDays = 28): CheckMetric => ({
	itemId: 'abcdef123456',
	title: 'Category list',
	status: 'check',
	doAt: '2026-10-01T00:00:00.000Z',
	windowDays,
	before: { signals: Math.round((before ?? 0) * 4), perWeek: before },
	after: { signals: Math.round((after ?? 0) * 4), perWeek: after },
	change,
});

describe('the Check in words', () => {
	afterEach(() => setLanguage('en'));

	it('says how much the rate moved, in whole weeks, in English and French', () => {
		expect(checkSentence(check(2.5, 0.9, -0.64), 'Friction')).toBe('Friction reports down 64% in the 4 weeks after the change.');
		expect(checkSentence(check(1, 1.5, 0.5, 14), 'Bug')).toBe('Bug reports up 50% in the 2 weeks after the change.');
		setLanguage('fr');
		expect(checkSentence(check(2.5, 0.9, -0.64), 'Friction')).toBe('Remontées « friction » en baisse de 64 % dans les 4 semaines après le changement.');
	});

	it('is honest when there is nothing to compare', () => {
		expect(checkSentence(check(0, 1, null), 'Idea')).toBe('No idea reports in the 4 weeks before the change; 4 after.');
		expect(checkSentence(check(null, null, null, 0), 'Idea')).toBe('The change went in too recently to compare.');
		expect(checkSentence(check(1, 1, 0), 'Idea')).toBe('Idea reports unchanged in the 4 weeks after the change.');
	});
});
