// Holds the chosen language and hands out t(), plural and Intl formatting to every component.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../server/contracts/api';
import { detectLocale } from './detectLocale';
import { en } from './en';
import { createFormatters, interpolate } from './format';
import { id } from './id';
import { readStoredLocale, storeLocale } from './storage';
import type { Dictionary, MessageKey, PluralBase, Translate } from './types';

const DICTIONARIES: Record<Locale, Dictionary> = { en, id };

export interface I18n {
  locale: Locale;
  /** True once the user picked a language on this device (it then wins over the account's setting). */
  chosen: boolean;
  /** Switches the language; `persist` keeps it as the user's explicit choice. */
  setLocale: (locale: Locale, how: { persist: boolean }) => void;
  t: Translate;
  /** A message with `_one` / `_other` forms, `{count}` filled with the formatted number. */
  tn: (base: PluralBase, count: number) => string;
  formatNumber: (value: number) => string;
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the language: the stored choice, else the browser's preference. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(() => {
    const stored = readStoredLocale();
    return { locale: stored ?? detectLocale(navigator.languages), chosen: stored !== null };
  });

  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);

  const setLocale = useCallback((locale: Locale, how: { persist: boolean }) => {
    if (how.persist) storeLocale(locale);
    setState((current) => ({ locale, chosen: current.chosen || how.persist }));
  }, []);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[state.locale];
    const formatters = createFormatters(state.locale);
    const t: Translate = (key, ...vars) => interpolate(dictionary[key], vars[0]);
    const tn = (base: PluralBase, count: number): string => {
      const key: MessageKey = `${base}_${formatters.plural(count)}`;
      return interpolate(dictionary[key], { count: formatters.number(count) });
    };
    return {
      locale: state.locale,
      chosen: state.chosen,
      setLocale,
      t,
      tn,
      formatNumber: formatters.number,
      formatDateTime: formatters.dateTime,
    };
  }, [state, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its helpers. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
