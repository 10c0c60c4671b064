import { requireRouteHost } from './route-host';

/**
 * Stands for core/overlay-layer.ts in the per-route scripts' build (core/route-script-names.ts): the layer is the
 * content script's (made with the capture button), never a second one; the pure helpers are the module's own.
 */
export { boxIn, clippingAncestors, whenMoved } from './overlay-layer';

export const overlayLayer = (doc: Document): HTMLElement => requireRouteHost().overlayLayer(doc);
