import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/contract';
import { en } from './en';
import { zhCN } from './zh-cn';

export const defaultLocale: Locale = 'zh-CN';

/** A ready instance (resources are bundled, so initialisation is synchronous). */
export function createI18n(locale: Locale = defaultLocale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: locale,
    fallbackLng: defaultLocale,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** The app's one instance. */
export const i18n = createI18n();
