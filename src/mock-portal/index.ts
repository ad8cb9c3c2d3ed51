/** The bundled 12309 mock portal: a separate system the app reaches only over HTTP. */
export { startMockPortal, type MockPortal, type MockPortalOptions } from './mock-portal';
