'use client';

import Link from 'next/link';
import { usePageLanguage } from '@/components/page-language';
import { errorWordsFor } from '@/lib/i18n/error-words';

// Replaces the whole document when even the layout fails (for example, the database is down).
export default function GlobalError() {
  const language = usePageLanguage();
  const text = errorWordsFor(language);
  return (
    <html lang={text.lang} dir={text.dir}>
      {/* The site's stylesheet may be what failed: plain inline styles, in the reader's light or dark. */}
      <body
        style={{
          colorScheme: 'light dark',
          fontFamily: 'Georgia, serif',
          maxWidth: '40rem',
          margin: '0 auto',
          padding: '3rem 1rem',
          fontSize: '1.125rem',
          lineHeight: 1.6,
        }}
      >
        <title>{text.title}</title>
        <h1>{text.title}</h1>
        <p>{text.site}</p>
        <p>
          <Link href="/">{text.home}</Link>
        </p>
      </body>
    </html>
  );
}
