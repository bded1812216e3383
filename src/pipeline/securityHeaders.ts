/**
 * The app's security policy, in one place: the Content-Security-Policy that the built
 * index.html carries in a <meta> tag (securityMeta, so a host that sends no headers still
 * applies it), and the response headers that `npm start` (vite preview) sends and a static
 * deployment should send (docs/deploying.md).
 *
 * A <meta> policy cannot say `frame-ancestors` (browsers ignore it there:
 * https://www.w3.org/TR/CSP3/#meta-element), so only the header forbids framing.
 */
import type { Plugin } from 'vite';

/**
 * Offline first, private always: nothing may load from, or be sent to, another origin.
 * `style-src 'unsafe-inline'`: Svelte's style: directives and MapLibre's controls set inline
 * styles. `data:`/`blob:`: the icon atlas, the exports and MapLibre's worker.
 */
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self' data: blob:"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The policy as a `<meta>` tag can carry it. */
export const META_CSP = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy as the response header sends it: the meta's, and no framing by any site. */
export const HEADER_CSP = `${META_CSP}; frame-ancestors 'none'`;

/**
 * No Referer header at all: the app asks nothing of other sites, and a link followed out of it
 * (a licence's home page) need not learn the host it is deployed on, often an internal one.
 */
export const REFERRER_POLICY = 'no-referrer';

/** The response headers for every file of the app (vite.config.ts `preview.headers`). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': REFERRER_POLICY,
};

/** Vite plugin: writes the policy and the referrer policy into index.html's <head>, first. */
export function securityMeta(): Plugin {
  return {
    name: 'drawdown-security-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP },
        injectTo: 'head-prepend',
      },
      {
        tag: 'meta',
        attrs: { name: 'referrer', content: REFERRER_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
