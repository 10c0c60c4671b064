import { t } from '../i18n';
import { MAX_QUEUED_SIGNALS, QUEUE_FULL } from './messaging';

/** Why the background did not save a capture, in the user's language: a full queue says what to do about it. */
export const refusalWords = (error: string) => (error === QUEUE_FULL ? t('capture.queueFull', { cap: MAX_QUEUED_SIGNALS }) : t('popup.error', { message: error }));
