import { formatNumber, words } from '@/lib/i18n';

/**
 * The words the version pages show a reader, in the site's language (lib/i18n, `versions`), each
 * version's number written as the site writes numbers. Not the Markdown copy's labels: those are
 * part of what each version's hash covers, fixed forever (lib/versions/markdown.ts).
 */
export function versionWords() {
  const said = words().versions;
  const n = (version: number) => formatNumber(version);
  return {
    ...said,
    kicker: (version: number) => said.kicker(n(version)),
    title: (headline: string, version: number) => said.title(headline, n(version)),
    description: (version: number) => said.description(n(version)),
    kept: (version: number) => said.kept(n(version)),
    changesTitle: (headline: string, version: number) => said.changesTitle(headline, n(version)),
    changesHeading: (version: number) => said.changesHeading(n(version)),
    changesDescription: (version: number) => said.changesDescription(n(version)),
    readVersion: (version: number) => said.readVersion(n(version)),
    replaced: (version: number) => said.replaced(n(version)),
  };
}
