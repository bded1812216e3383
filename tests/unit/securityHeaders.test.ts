/**
 * The security policy is written once (src/pipeline/securityHeaders.ts): the <meta> tag the
 * build writes, the header `npm start` sends and the deployment guide must say the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { HtmlTagDescriptor } from 'vite';
import {
  HEADER_CSP,
  META_CSP,
  REFERRER_POLICY,
  SECURITY_HEADERS,
  securityMeta,
} from '../../src/pipeline/securityHeaders.ts';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v.join(' ')]),
  );

/** The tags the plugin writes into index.html. */
function metaTags(): HtmlTagDescriptor[] {
  const hook = securityMeta().transformIndexHtml as () => HtmlTagDescriptor[];
  return hook();
}

describe('security policy', () => {
  test('the header is the meta policy plus frame-ancestors, and nothing else', () => {
    const meta = directives(META_CSP);
    const header = directives(HEADER_CSP);
    expect(header.get('frame-ancestors')).toBe("'none'");
    header.delete('frame-ancestors');
    expect(header).toEqual(meta);
    // A <meta> policy may not hold frame-ancestors (browsers ignore it and warn).
    expect(meta.has('frame-ancestors')).toBe(false);
  });

  test.each([...directives(HEADER_CSP)])('%s names no other origin', (_k, sources) => {
    for (const s of sources.split(' '))
      expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']).toContain(s);
  });

  test('the build writes the same policy into index.html, before anything else in <head>', () => {
    const tags = metaTags();
    const csp = tags.find((t) => t.attrs?.['http-equiv'] === 'Content-Security-Policy');
    expect(csp?.attrs?.['content']).toBe(META_CSP);
    expect(csp?.injectTo).toBe('head-prepend');
    const referrer = tags.find((t) => t.attrs?.['name'] === 'referrer');
    expect(referrer?.attrs?.['content']).toBe(REFERRER_POLICY);
  });

  test('index.html holds no policy of its own to drift from this one', () => {
    expect(readFileSync('src/index.html', 'utf8')).not.toMatch(/Content-Security-Policy"/i);
  });

  test('npm start sends the three headers', () => {
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': HEADER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });

  test('the deployment guide shows the same policy in each example', () => {
    const doc = readFileSync('docs/deploying.md', 'utf8');
    // The header line, the nginx directive and the _headers file.
    expect(doc.split(HEADER_CSP).length - 1).toBe(3);
    expect(doc).toContain(`Referrer-Policy: ${REFERRER_POLICY}`);
    expect(doc).toContain(`add_header Referrer-Policy "${REFERRER_POLICY}" always;`);
  });
});
