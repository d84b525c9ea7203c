// A static policy (no per-request nonce, which would defeat the page cache). Next.js
// streams its hydration data in inline <script> tags; instead of 'unsafe-inline', an HTML
// page's policy lists the SHA-256 of each inline script the framework or the site wrote
// (recognised by its exact shape, never any other script the page may hold), worked out by
// the server once per distinct page (lib/http/finish-response.ts), so cached pages keep a
// strict policy.
// No document text is ever rendered as HTML either (see docs/security.md).
const directives = (scriptSources: readonly string[]) =>
  [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');

const contentSecurityPolicy = directives([]);

/** The policy for a page whose inline scripts have these SHA-256 digests (base64). */
export const contentSecurityPolicyFor = (scriptDigests: readonly string[]): string =>
  directives(scriptDigests.map((digest) => `'sha256-${digest}'`));

/**
 * Sent with every response by the server (scripts/server.ts). Set there rather than in
 * next.config.js `headers()`: Next matches those rules on every request, which cost
 * about a sixth of the throughput of cached pages.
 */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', contentSecurityPolicy],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  // Nothing of the site is meant to be embedded by other sites.
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  // Browsers heed it only over HTTPS (behind the TLS proxy in production) and ignore it over plain HTTP.
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
];

/**
 * The development server's (scripts/dev.ts), never the production server's: Next's
 * development pages run inline scripts that no hash lists (their bodies are not finished
 * there), React's debugging in development needs eval, and fast refresh talks over a
 * WebSocket to the page's own origin (which 'self' covers).
 */
export const DEVELOPMENT_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = SECURITY_HEADERS.map(
  ([name, value]) =>
    name === 'Content-Security-Policy' ? [name, directives(["'unsafe-inline'", "'unsafe-eval'"])] : [name, value],
);
