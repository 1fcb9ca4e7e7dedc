import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-cn';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'grove.console.language';

/** zh-CN unless the person chose English (kept in localStorage); `?lang=en` in a link chooses it too. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') window.localStorage.setItem(KEY, fromUrl);
  return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
}

export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
