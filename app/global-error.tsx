'use client';

import Link from 'next/link';

// Replaces the whole document when even the layout fails (for example, the database is down).
export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', lineHeight: 1.5 }}>
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
