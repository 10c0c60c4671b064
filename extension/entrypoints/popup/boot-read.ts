import { readPopupBoot } from '../../core/popup-boot';

/**
 * The popup's one storage read, started by the first module the popup evaluates (main.tsx imports it first): the
 * browser answers it while Preact, the catalogs and the views are evaluated, instead of after them.
 */
export const bootRead = readPopupBoot();
