export { KeptSmsStore, keptSmsAccount } from './kept-sms-store';
export { archiveStem, comparableName, namesSameCase } from './case-name-match';
