/**
 * The words the version pages show a reader, in one place (so that they can be translated with the
 * site's others). Not the Markdown copy's labels: those are part of what each version's hash
 * covers, fixed forever (lib/versions/markdown.ts).
 */
export const VERSION_WORDS = {
  kicker: (n: number) => `Version ${n}`,
  title: (headline: string, n: number) => `${headline} (version ${n})`,
  description: (n: number) => `Version ${n} of this article, kept as it was published.`,
  notice: 'An earlier version',
  kept: (n: number) => `This is version ${n} of this article, kept as it was written on`,
  notCurrent: 'It may not be the current version.',
  current: 'Read the current article',
  changesSince: 'What changed since this version',
  markdown: 'This version as Markdown',
  chain: 'Every version, and how to check a copy',
  changesTitle: (headline: string, n: number) => `What changed since version ${n}: ${headline}`,
  changesHeading: (n: number) => `What changed since version ${n}`,
  changesDescription: (n: number) => `What changed in this article from version ${n} to the current one.`,
  noChanges: 'This is the current version: nothing has changed since.',
  readVersion: (n: number) => `Read version ${n}`,
  replaced: (n: number) => `Version ${n}, as it was`,
} as const;
