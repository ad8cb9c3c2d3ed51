/** The bundled 12309 mock portal: a separate system the app reaches only over HTTP. */
export { startMockPortal, type MockPortal, type MockPortalOptions } from './mock-portal';
/** The procuratorate directory (also served at GET /api/procuratorates), e.g. for 帮助 ▸ 联系方式. */
export { procuratorateDirectory } from './data/procuratorates';
