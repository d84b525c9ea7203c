/**
 * The MDN HTTP Observatory's score for one response, by its published rules
 * (developer.mozilla.org/en-US/observatory/docs/tests_and_scoring; the modifiers are
 * those of @mdn/mdn-http-observatory 1.4.8's score table). Every site starts at 100;
 * penalties apply, and bonuses only when the score without them is 90 or more.
 *
 * Two tests cannot be run against a local server and are taken as passed with no
 * modifier, as a deployment behind the TLS proxy of deploy/ would pass them: the
 * redirection from http to https (the proxy's), and the HSTS preload list.
 */
export interface Modifier {
  test: string;
  result: string;
  modifier: number;
}

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const UNSAFE_INLINE = new Set(["'unsafe-inline'", 'data:']);
const HASH_OR_NONCE = /^'(sha256|sha384|sha512|nonce)-/u;

function parsePolicy(header: string): Map<string, Set<string>> | null {
  const policy = new Map<string, Set<string>>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (policy.has(directive)) return null; // a duplicate directive: the policy is not what it says
    policy.set(directive, new Set(sources.map((s) => (s.startsWith("'") ? s.toLowerCase() : s))));
  }
  return policy;
}

function csp(header: string | undefined): Modifier {
  const test = 'content-security-policy';
  if (!header) return { test, result: 'csp-not-implemented', modifier: -25 };
  const policy = parsePolicy(header);
  if (!policy) return { test, result: 'csp-header-invalid', modifier: -25 };
  const fallback = policy.get('default-src') ?? new Set(['*']);
  const script = new Set(policy.get('script-src') ?? fallback);
  const style = new Set(policy.get('style-src') ?? fallback);
  const object = policy.get('object-src') ?? fallback;
  // With a hash or a nonce, browsers ignore 'unsafe-inline' (CSP level 2).
  for (const sources of [script, style])
    if ([...sources].some((s) => HASH_OR_NONCE.test(s))) sources.delete("'unsafe-inline'");
  if ([...script].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s)) || [...object].some((s) => BROAD.has(s)))
    return { test, result: 'csp-implemented-with-unsafe-inline', modifier: -20 };
  const active = [...policy].filter(([d]) => !['img-src', 'media-src'].includes(d)).flatMap(([, s]) => [...s]);
  if (active.some((s) => s.startsWith('http:') || s.startsWith('ftp:')))
    return { test, result: 'csp-implemented-with-insecure-scheme', modifier: -20 };
  if (script.has("'unsafe-eval'") || style.has("'unsafe-eval'"))
    return { test, result: 'csp-implemented-with-unsafe-eval', modifier: -10 };
  if ([...style].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s)))
    return { test, result: 'csp-implemented-with-unsafe-inline-in-style-src-only', modifier: 0 };
  const defaultNone = policy.get('default-src');
  if (defaultNone?.has("'none'") && defaultNone.size === 1)
    return { test, result: 'csp-implemented-with-no-unsafe-default-src-none', modifier: 10 };
  return { test, result: 'csp-implemented-with-no-unsafe', modifier: 5 };
}

function cookies(setCookie: string[]): Modifier {
  const test = 'cookies';
  if (setCookie.length === 0) return { test, result: 'cookies-not-found', modifier: 0 };
  const secure = setCookie.every((c) => /;\s*secure/iu.test(c));
  const httpOnly = setCookie.every((c) => /;\s*httponly/iu.test(c));
  const sameSite = setCookie.every((c) => /;\s*samesite=(strict|lax)/iu.test(c));
  if (!secure) return { test, result: 'cookies-without-secure-flag', modifier: -20 };
  if (!httpOnly) return { test, result: 'cookies-session-without-httponly-flag', modifier: -30 };
  return sameSite
    ? { test, result: 'cookies-secure-with-httponly-sessions-and-samesite', modifier: 5 }
    : { test, result: 'cookies-secure-with-httponly-sessions', modifier: 0 };
}

function cors(allowOrigin: string | undefined, allowCredentials: string | undefined): Modifier {
  const test = 'cross-origin-resource-sharing';
  if (!allowOrigin) return { test, result: 'cross-origin-resource-sharing-not-implemented', modifier: 0 };
  if (allowOrigin.trim() === '*' && allowCredentials !== 'true')
    return { test, result: 'cross-origin-resource-sharing-implemented-with-public-access', modifier: 0 };
  return { test, result: 'cross-origin-resource-sharing-implemented-with-universal-access', modifier: -50 };
}

function referrer(header: string | undefined): Modifier {
  const test = 'referrer-policy';
  if (!header) return { test, result: 'referrer-policy-not-implemented', modifier: 0 };
  const last = header.split(',').at(-1)?.trim().toLowerCase() ?? '';
  if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(last))
    return { test, result: 'referrer-policy-private', modifier: 5 };
  if (['origin', 'origin-when-cross-origin', 'no-referrer-when-downgrade', 'unsafe-url'].includes(last))
    return { test, result: 'referrer-policy-unsafe', modifier: -5 };
  return { test, result: 'referrer-policy-header-invalid', modifier: -5 };
}

function hsts(header: string | undefined): Modifier {
  const test = 'strict-transport-security';
  if (!header) return { test, result: 'hsts-not-implemented', modifier: -20 };
  const maxAge = /max-age\s*=\s*"?(\d+)"?/iu.exec(header)?.[1];
  if (maxAge === undefined) return { test, result: 'hsts-header-invalid', modifier: -20 };
  return Number(maxAge) >= 15_768_000
    ? { test, result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 }
    : { test, result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 };
}

function sri(contentType: string, html: string, origin: string): Modifier {
  const test = 'subresource-integrity';
  if (!contentType.startsWith('text/html'))
    return { test, result: 'sri-not-implemented-response-not-html', modifier: 0 };
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/giu)].map((m) => m[1] ?? '');
  if (sources.length === 0) return { test, result: 'sri-not-implemented-but-no-scripts-loaded', modifier: 0 };
  const external = sources.filter((src) => new URL(src, origin).origin !== origin);
  if (external.length === 0)
    return { test, result: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', modifier: 0 };
  return { test, result: 'sri-not-implemented-but-external-scripts-loaded-securely', modifier: -5 };
}

function contentTypeOptions(header: string | undefined): Modifier {
  const test = 'x-content-type-options';
  if (!header) return { test, result: 'x-content-type-options-not-implemented', modifier: -5 };
  return header.trim().toLowerCase() === 'nosniff'
    ? { test, result: 'x-content-type-options-nosniff', modifier: 0 }
    : { test, result: 'x-content-type-options-header-invalid', modifier: -5 };
}

function frameOptions(header: string | undefined, policy: string | undefined): Modifier {
  const test = 'x-frame-options';
  const ancestors = policy ? parsePolicy(policy)?.get('frame-ancestors') : undefined;
  if (ancestors && ![...ancestors].some((s) => BROAD.has(s)))
    return { test, result: 'x-frame-options-implemented-via-csp', modifier: 5 };
  if (!header) return { test, result: 'x-frame-options-not-implemented', modifier: -20 };
  return ['deny', 'sameorigin'].includes(header.trim().toLowerCase())
    ? { test, result: 'x-frame-options-sameorigin-or-deny', modifier: 0 }
    : { test, result: 'x-frame-options-header-invalid', modifier: -20 };
}

function resourcePolicy(header: string | undefined): Modifier {
  const test = 'cross-origin-resource-policy';
  const value = header?.trim().toLowerCase();
  if (!value) return { test, result: 'cross-origin-resource-policy-not-implemented', modifier: 0 };
  if (value === 'same-origin')
    return { test, result: 'cross-origin-resource-policy-implemented-with-same-origin', modifier: 10 };
  if (value === 'same-site')
    return { test, result: 'cross-origin-resource-policy-implemented-with-same-site', modifier: 10 };
  if (value === 'cross-origin')
    return { test, result: 'cross-origin-resource-policy-implemented-with-cross-origin', modifier: 0 };
  return { test, result: 'cross-origin-resource-policy-header-invalid', modifier: -5 };
}

export function observatoryScore(
  headers: Record<string, string>,
  setCookie: string[],
  body: string,
  origin: string,
): { score: number; grade: string; modifiers: Modifier[] } {
  const modifiers = [
    csp(headers['content-security-policy']),
    cookies(setCookie),
    cors(headers['access-control-allow-origin'], headers['access-control-allow-credentials']),
    { test: 'redirection', result: 'redirection-to-https (the TLS proxy)', modifier: 0 },
    referrer(headers['referrer-policy']),
    hsts(headers['strict-transport-security']),
    sri(headers['content-type'] ?? '', body, origin),
    contentTypeOptions(headers['x-content-type-options']),
    frameOptions(headers['x-frame-options'], headers['content-security-policy']),
    resourcePolicy(headers['cross-origin-resource-policy']),
  ];
  const penalties = modifiers.filter((m) => m.modifier < 0).reduce((sum, m) => sum + m.modifier, 0);
  const bonuses = modifiers.filter((m) => m.modifier > 0).reduce((sum, m) => sum + m.modifier, 0);
  const score = Math.max(0, 100 + penalties + (100 + penalties >= 90 ? bonuses : 0));
  const grades: Array<[number, string]> = [
    [100, 'A+'],
    [90, 'A'],
    [85, 'A-'],
    [80, 'B+'],
    [70, 'B'],
    [65, 'B-'],
    [60, 'C+'],
    [50, 'C'],
    [45, 'C-'],
    [40, 'D+'],
    [30, 'D'],
    [25, 'D-'],
    [0, 'F'],
  ];
  return { score, grade: grades.find(([floor]) => score >= floor)?.[1] ?? 'F', modifiers };
}
