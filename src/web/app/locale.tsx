/**
 * The UI language: Chinese first, English on request (remembered in the browser). Every component
 * reads its text from the catalogs through useMessages(); Ant Design and dayjs follow the same choice.
 */
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { isLocale, messagesFor, type Locale, type Messages } from '../../i18n/index.ts';
import { setRequestLanguage } from '../api/client.ts';
import { useTheme } from './theme.ts';

const STORAGE_KEY = 'jixiao.locale';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
  m: Messages;
}

const LocaleContext = createContext<LocaleState | null>(null);

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved !== null && isLocale(saved) ? saved : 'zh-CN';
}

function apply(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  setRequestLanguage(locale);
  document.documentElement.lang = locale;
}

export function LocaleProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = fixed ?? initialLocale();
    apply(l);
    return l;
  });
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      m: messagesFor(locale),
      setLocale: (l) => {
        apply(l);
        localStorage.setItem(STORAGE_KEY, l);
        setLocaleState(l);
      },
    }),
    [locale],
  );
  const theme = useTheme();
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** All catalogs in the current language: `m.web` for the UI's own text, `m.server.statusNames`, `m.review.severity`. */
export const useMessages = (): Messages => useLocale().m;
