import 'i18next';
import type { zhCN } from './zh-cn';

/**
 * Keys given to `t` (from `useTranslation` and from an instance's `i18n.t`) are checked against the
 * Chinese messages; every locale has their shape.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    // A key that is not in the messages fails even when the call gives a default value.
    strictKeyChecks: true;
  }
}
