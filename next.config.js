// @ts-check

import fs from 'node:fs';
import path from 'node:path';
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';

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
  // No image optimizer: the site serves its images as they are. On, /_next/image would render
  // any page route internally and keep a resized copy on disk per made-up address.
  images: { unoptimized: true },
  reactStrictMode: true,
  serverExternalPackages: ['pg', '@redis/client'],
  // Pages are cached for 60 s (each page's `revalidate`); a CDN or proxy in front may serve
  // them stale for 4 minutes more while it fetches a fresh copy:
  // `Cache-Control: s-maxage=60, stale-while-revalidate=240`.
  expireTime: 300,
  // The server makes ETags and compresses, once per distinct body rather than once per
  // request (lib/http/finish-response.ts).
  generateEtags: false,
  compress: false,
  // No rewrites() or headers() here: the server's front door does both (lib/front-door.ts,
  // lib/http/security-headers.ts). Next evaluates those rules on every request, which cost
  // about a sixth of the throughput of cached pages.
};

/**
 * With REDIS_URL, the running server keeps its page and data caches in Redis, shared by
 * every instance (lib/shared-cache/handler.ts, bundled into the build folder by
 * scripts/build.ts). Only the server: the build renders nothing that needs sharing.
 * Without REDIS_URL, Next's own cache, as before.
 * @param {string} phase
 */
export default function config(phase) {
  if (phase !== PHASE_PRODUCTION_SERVER || !process.env.REDIS_URL) return nextConfig;
  return { ...nextConfig, cacheHandler: path.resolve(distDir, 'newsroom-cache-handler.mjs') };
}
