// @ts-check

// A static policy (no per-request nonce, which would defeat the page cache).
// Next.js streams its hydration data in inline <script> tags, so scripts need
// 'unsafe-inline'; no document text is ever rendered as HTML, which is what keeps
// that safe (see docs in README, "Security").
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

import fs from 'node:fs';

const distDir = process.env.NEXT_DIST_DIR || '.next';
// `next build` adds its dist folder's types to the tsconfig it uses. For a side build
// (NEXT_DIST_DIR), give it a throwaway tsconfig so the committed one stays as it is.
let tsconfigPath = 'tsconfig.json';
if (distDir !== '.next') {
  tsconfigPath = `tsconfig.${distDir.replace(/[^\w.-]/g, '_')}.json`;
  if (!fs.existsSync(tsconfigPath)) fs.writeFileSync(tsconfigPath, JSON.stringify({ extends: './tsconfig.json' }));
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several checkouts' test servers build side by side.
  distDir,
  typescript: { tsconfigPath },
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['pg'],
  // The Markdown copy of an article: the article page owns /<section>/<article>, and
  // article slugs never contain a dot, so `.md` names the copy without a clash.
  // Pages are cached for 60 s (each page's `revalidate`); a CDN or proxy in front may serve
  // them stale for 4 minutes more while it fetches a fresh copy:
  // `Cache-Control: s-maxage=60, stale-while-revalidate=240`.
  expireTime: 300,
  async rewrites() {
    return {
      // The front page is a dynamic segment rendered on first request, so the build needs no database.
      beforeFiles: [{ source: '/', destination: '/front/today' }],
      afterFiles: [
        {
          source: '/:section([a-z0-9-]+)/:article([a-z0-9-]+).md',
          destination: '/:section/:article/markdown',
        },
      ],
    };
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
