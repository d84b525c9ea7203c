'use client';

import { useEffect } from 'react';
import type { Words } from '@/lib/i18n/en';
import { fill } from '@/lib/i18n/template';
import { forgetOpened, readVersionOnOpening, rememberReadVersion, useReadVersions } from './on-device';

/**
 * "Changed since you read it": an article the reader read before on this device, changed since,
 * says so on opening, with what changed from the version they read to this one (not merely from
 * the one before). The version read is remembered here only (localStorage), never sent.
 * `changesSince[k - 1]` is what changed from version k to this one; `version` is this one's.
 */
export function ChangedSinceRead({
  path,
  version,
  changesSince,
  words,
  locale,
}: {
  path: string;
  version: number;
  changesSince: readonly (readonly string[])[];
  words: Words['sinceRead'];
  /** The site's language, for the date. */
  locale: string;
}) {
  // Null on the server and before hydration: nothing shows without JavaScript.
  const hydrated = useReadVersions() !== null;
  const read = hydrated ? readVersionOnOpening(path) : null;

  useEffect(() => {
    if (readVersionOnOpening(path)?.version !== version) rememberReadVersion(path, version);
    return () => {
      forgetOpened(path);
    };
  }, [path, version]);

  const changes = read && read.version < version ? changesSince[read.version - 1] : undefined;
  if (!read || !changes) return null;
  const when = new Date(read.at).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <section
      aria-labelledby="changed-since-heading"
      className="mt-4 rounded border border-strong-rule px-4 py-3 text-sm print:hidden"
    >
      <h2 id="changed-since-heading" className="font-semibold">
        {fill(words.heading, { date: when })}
      </h2>
      <ul className="mt-1 ms-5 list-disc text-muted">
        {changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
    </section>
  );
}
