import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The site's links to its own pages. Next prefetches every link that scrolls into
 * view; on a listing of dozens of headlines, read on a phone's metered connection,
 * that spends the reader's data on pages they will never open. Here a page loads
 * when it is asked for.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
