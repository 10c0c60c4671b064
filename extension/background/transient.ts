/**
 * Failures that say nothing about what was sent: keep it queued and retry later. A 403 is about what was sent (a
 * reporter's token may not send a ticket pattern or GLPI's figures, API.md): it is set aside like a 400, or one
 * refused send would block everything queued after it, for good (issue 15).
 */
export const isTransient = (status: number) => status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
