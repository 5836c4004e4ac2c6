import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the repository's `assets/` folder at `/kit-assets/` on a Vite dev server (browser tests, benchmarks),
 * the same URL Storybook's `staticDirs` gives it, so the default model URL works everywhere.
 * @param {string} root the repository root
 * @returns {import('vite').Plugin}
 */
export function kitAssetsPlugin(root) {
  const assets = path.join(root, 'assets');
  return {
    name: 'diffusion-kit-assets',
    configureServer(server) {
      server.middlewares.use('/kit-assets', (req, res, next) => {
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
    },
  };
}
