import { onManagerMessage } from '../core/manager-messaging';
import { createEnrollment, listEnrollments, listInstallations, revokeEnrollment, revokeInstallation } from './enrollment-api';
import { checkGlpiConnection, pushItemToGlpi } from './glpi-push';
import { forgetAllHints } from './hints';
import { exportPlan } from './plan-export';
import { createHint, deleteHint, exportCsv, getItem, getMetrics, listBacklog, listHints, mergeItem, patchItem, updateHint } from './manager-api';

/** The manager popup's requests, answered by the background (it holds the tokens). */
export function registerManagerHandlers(): void {
	onManagerMessage('listBacklog', ({ data }) => listBacklog(data.filters, data.cursor, data.limit));
	onManagerMessage('getItem', ({ data }) => getItem(data));
	// A manager's change shows on GLPI pages at once: known issues retire when their item is done, hints appear.
	const thenForget = <T>(work: Promise<T>) => work.finally(forgetAllHints);
	onManagerMessage('patchItem', ({ data }) => thenForget(patchItem(data.id, data.patch)));
	onManagerMessage('mergeItem', ({ data }) => thenForget(mergeItem(data.id, data.into)));
	onManagerMessage('getMetrics', ({ data }) => getMetrics(data.from, data.to));
	onManagerMessage('exportCsv', ({ data }) => exportCsv(data));
	onManagerMessage('exportPlan', ({ data }) => exportPlan(data));
	onManagerMessage('listHints', ({ data }) => listHints(data));
	onManagerMessage('createHint', ({ data }) => thenForget(createHint(data)));
	onManagerMessage('updateHint', ({ data }) => thenForget(updateHint(data.id, data.patch)));
	onManagerMessage('deleteHint', ({ data }) => thenForget(deleteHint(data)));
	onManagerMessage('pushToGlpi', ({ data }) => pushItemToGlpi(data.itemId, data.itemtype, data.language));
	onManagerMessage('checkGlpiApi', () => checkGlpiConnection());
	onManagerMessage('listEnrollments', () => listEnrollments());
	onManagerMessage('createEnrollment', ({ data }) => createEnrollment(data));
	onManagerMessage('revokeEnrollment', ({ data }) => revokeEnrollment(data));
	onManagerMessage('listInstallations', () => listInstallations());
	onManagerMessage('revokeInstallation', ({ data }) => revokeInstallation(data));
}
