import type { CheckMetric } from '../../shared/schemas/metrics';
import { t } from '../i18n';
import '../i18n/manager';

/**
 * The "Check" of PDCA in one sentence: "friction reports down 64% in the 4 weeks after the change". Rates are per
 * week over two equal windows around the day the item entered "do".
 */
export function checkSentence(check: CheckMetric, kindLabel: string): string {
	const sentence = sentenceOf(check, kindLabel);
	return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function sentenceOf(check: CheckMetric, kindLabel: string): string {
	const weeks = Math.max(1, Math.round(check.windowDays / 7));
	const kind = kindLabel.toLowerCase();
	if (check.windowDays < 1 || check.after.perWeek === null || check.before.perWeek === null) return t('check.tooEarly');
	if (check.change === null) return t('check.nothingBefore', { kind, weeks, after: check.after.signals });
	const percent = Math.round(Math.abs(check.change) * 100);
	if (percent === 0) return t('check.same', { kind, weeks });
	return t(check.change < 0 ? 'check.down' : 'check.up', { kind, percent, weeks });
}
