import { periodLabel, periodStart } from '../../shared/patterns/periods';

/** The ISO week holding a date, "2026-W49". */
export const isoWeekOf = (date: Date) => periodLabel(periodStart(date.getTime(), 'week'), 'week');
