import { onManagerMessage } from '../core/manager-messaging';
import { createEnrollment, listEnrollments, listInstallations, revokeEnrollment, revokeInstallation } from './enrollment-api';
import { checkGlpiConnection, pushItemToGlpi } from './glpi-push';
import { forgetAllHints } from './hints';
import { ownPagesOnly } from './own-pages';
import { exportPlan } from './plan-export';
import { actOnPlan, checkPlan, getPlan, listPlans, putPlan, serviceFiguresView } from './plans-api';
import { createHint, deleteHint, exportCsv, getItem, getMetrics, listBacklog, listHints, mergeItem, patchItem, updateHint } from './manager-api';

/** The manager popup's requests, answered by the background (it holds the tokens), for the extension's own pages only. */
export function registerManagerHandlers(): void {
	onManagerMessage('listBacklog', ownPagesOnly(({ data }) => listBacklog(data.filters, data.cursor, data.limit)));
	onManagerMessage('getItem', ownPagesOnly(({ data }) => getItem(data)));
	// A manager's change shows on GLPI pages at once: known issues retire when their item is done, hints appear.
	const thenForget = <T>(work: Promise<T>) => work.finally(forgetAllHints);
	onManagerMessage('patchItem', ownPagesOnly(({ data }) => thenForget(patchItem(data.id, data.patch))));
	onManagerMessage('mergeItem', ownPagesOnly(({ data }) => thenForget(mergeItem(data.id, data.into))));
	onManagerMessage('getMetrics', ownPagesOnly(({ data }) => getMetrics(data.from, data.to)));
	onManagerMessage('exportCsv', ownPagesOnly(({ data }) => exportCsv(data)));
	onManagerMessage('exportPlan', ownPagesOnly(({ data }) => exportPlan(data)));
	onManagerMessage('listPlans', ownPagesOnly(() => listPlans()));
	onManagerMessage('getPlan', ownPagesOnly(({ data }) => getPlan(data)));
	onManagerMessage('putPlan', ownPagesOnly(({ data }) => putPlan(data.itemId, data.plan)));
	onManagerMessage('checkPlan', ownPagesOnly(({ data }) => checkPlan(data)));
	// ACT moves the item's status (to plan or done): known issues on GLPI pages follow.
	onManagerMessage('actOnPlan', ownPagesOnly(({ data }) => thenForget(actOnPlan(data.itemId, data.act))));
	onManagerMessage('serviceFigures', ownPagesOnly(({ data }) => serviceFiguresView(data.weeks)));
	onManagerMessage('listHints', ownPagesOnly(({ data }) => listHints(data)));
	onManagerMessage('createHint', ownPagesOnly(({ data }) => thenForget(createHint(data))));
	onManagerMessage('updateHint', ownPagesOnly(({ data }) => thenForget(updateHint(data.id, data.patch))));
	onManagerMessage('deleteHint', ownPagesOnly(({ data }) => thenForget(deleteHint(data))));
	onManagerMessage('pushToGlpi', ownPagesOnly(({ data }) => pushItemToGlpi(data.itemId, data.itemtype, data.language)));
	onManagerMessage('checkGlpiApi', ownPagesOnly(() => checkGlpiConnection()));
	onManagerMessage('listEnrollments', ownPagesOnly(() => listEnrollments()));
	onManagerMessage('createEnrollment', ownPagesOnly(({ data }) => createEnrollment(data)));
	onManagerMessage('revokeEnrollment', ownPagesOnly(({ data }) => revokeEnrollment(data)));
	onManagerMessage('listInstallations', ownPagesOnly(() => listInstallations()));
	onManagerMessage('revokeInstallation', ownPagesOnly(({ data }) => revokeInstallation(data)));
}
