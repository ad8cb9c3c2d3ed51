/**
 * The 12309 portal's HTTP API as both sides speak it: the app's portal client (src/core) and the
 * bundled mock portal (src/mock-portal). One file per area; documented for humans in
 * src/mock-portal/openapi.json.
 */
export * from './auth';
export * from './downloads';
export * from './procuratorates';
export * from './cases';
export * from './reviews';
export * from './console';
export * from './messages';
