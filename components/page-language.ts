import { useSyncExternalStore } from 'react';

const noChange = () => () => undefined;

/**
 * The site's language in a client component that gets no words from the server (the error
 * pages): `<html lang>` in the browser, the setting on the server (a client component rendered
 * there reads the process's environment at run time).
 */
export const usePageLanguage = () =>
  useSyncExternalStore(
    noChange,
    () => document.documentElement.lang,
    () => process.env.SITE_LANGUAGE,
  );
