/**
 * The one place for user-facing text: a catalog per language, Chinese first.
 * Code asks for `messages()` (the process-wide language, set once by the CLI or server)
 * or `messagesFor(locale)` when a request names its language.
 */
import { en } from './en/index.ts';
import { zhCN, type Messages } from './zh-CN/index.ts';

export type Locale = 'zh-CN' | 'en';
export type { Messages };

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
let current: Locale = 'zh-CN';

export const messagesFor = (locale: Locale): Messages => catalogs[locale];
export const messages = (): Messages => catalogs[current];
export const currentLocale = (): Locale => current;
export const setLocale = (locale: Locale): void => {
  current = locale;
};
export const isLocale = (s: string): s is Locale => s in catalogs;
