import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the repository's `assets/` folder at `/kit-assets/` on a Vite dev server (browser tests, benchmarks),
 * the same URL Storybook's `staticDirs` gives it, so the default model URL works everywhere; and the tiny
 * diffusers-contract test models (`test/fixtures/diffusers/`) at `/kit-fixtures/diffusers/`, as Storybook does too.
 * @param {string} root the repository root
 * @returns {import('vite').Plugin}
 */
export function kitAssetsPlugin(root) {
  return {
    name: 'diffusion-kit-assets',
    configureServer(server) {
      serveFolder(server, '/kit-assets', path.join(root, 'assets'));
      serveFolder(server, '/kit-fixtures/diffusers', path.join(root, 'test', 'fixtures', 'diffusers'));
    },
  };
}

/**
 * @param {import('vite').ViteDevServer} server
 * @param {string} mount URL path
 * @param {string} assets folder served there
 */
function serveFolder(server, mount, assets) {
  server.middlewares.use(mount, (req, res, next) => {
    const file = path.join(assets, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!file.startsWith(assets)) return next();
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return next();
      res.setHeader('Content-Length', stat.size);
      res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
      createReadStream(file).pipe(res);
    } catch {
      res.statusCode = 404;
      res.end('not found');
    }
  });
}
