/** Builds the production bundle and serves it with `vite preview`, as a user would run it. */
import { build, preview, type PreviewServer } from 'vite';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** Runs `vite build` (unless SKIP_BUILD=1 and dist/ exists) then starts a preview server. */
export async function serveProduction(port = 0): Promise<Served> {
  if (process.env['SKIP_BUILD'] !== '1') await build({ logLevel: 'warn' });
  const server: PreviewServer = await preview({
    preview: { port, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}
