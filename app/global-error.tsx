'use client';

import Link from 'next/link';

// Replaces the whole document when even the layout fails (for example, the database is down).
export default function GlobalError() {
  return (
    <html lang="en">
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
        <title>Something went wrong</title>
        <h1>Something went wrong</h1>
        <p>The site could not be shown just now. Please try again in a moment.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </body>
    </html>
  );
}
