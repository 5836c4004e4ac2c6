import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * For the fault tests of the model path (test/browser/faults/): serves the repository's `assets/` at
 * `/kit-faults/<fault>/<key>/<path under assets>` with a fault put in, on the browser tests' Vite server.
 * `<key>` is any name a test picks, so each test has its own "first request" state. Faults:
 *
 * - `copy`: the files as they are, model.json named "<name> (copy)": a second model on the page.
 * - `truncate`: every .onnx file cut to 60% of its bytes (the server says the short length), and model.json
 *   without its `files` sizes and hashes, so that onnxruntime itself meets the short file.
 * - `corrupt`: every .onnx file keeps its length, but 4 KiB of its graph (from byte 8) are overwritten;
 *   model.json without `files`, so that onnxruntime itself meets the garbage.
 * - `corrupt-weights`: 4 KiB of weights (a third of the way in) overwritten, model.json as shipped: only its
 *   `files` SHA-256 can tell (onnxruntime would load the file and draw garbage).
 * - `inputs`: model.json names a U-Net input the ONNX file does not have ('noisy_sample' for the sample).
 * - `shape`: model.json says 3 channels; the ONNX graph takes the shipped 1.
 * - `drop-once`: the first request of each .onnx file sends half the bytes, then the connection is cut.
 * - `drop-always`: every request of an .onnx file is cut halfway.
 * - `503-once`: the first request of each file is answered 503 Service Unavailable.
 * - `slow`: .onnx files stream in 64 KiB pieces 20 ms apart (a download that is still going).
 * @param {string} root the repository root
 * @returns {import('vite').Plugin}
 */
export function faultyAssetsPlugin(root) {
  const assets = path.join(root, 'assets');
  const seen = new Set();
  /** @type {Record<string, number>} */
  const counts = {};
  return {
    name: 'diffusion-kit-faulty-assets',
    configureServer(server) {
      // How many requests each fault URL has had: GET /kit-faults-count?url=<path>.
      server.middlewares.use('/kit-faults-count', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x').searchParams.get('url') ?? '';
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(counts[url] ?? 0));
      });
      server.middlewares.use('/kit-faults', (req, res, next) => {
        const pathname = decodeURIComponent((req.url ?? '/').split('?')[0]);
        const [, fault, key, ...rest] = pathname.split('/');
        const file = path.join(assets, ...rest);
        if (!fault || !key || !file.startsWith(assets + path.sep)) return next();
        const full = `/kit-faults${pathname}`;
        counts[full] = (counts[full] ?? 0) + 1;
        const first = !seen.has(full);
        seen.add(full);
        let bytes;
        try {
          if (!statSync(file).isFile()) return next();
          bytes = readFileSync(file);
        } catch {
          res.statusCode = 404;
          return res.end('not found');
        }
        const onnx = file.endsWith('.onnx');
        const isManifest = path.basename(file) === 'model.json';
        if (fault === '503-once' && first) {
          res.statusCode = 503;
          return res.end('service unavailable');
        }
        if (isManifest && ['copy', 'inputs', 'shape', 'truncate', 'corrupt'].includes(fault)) {
          const manifest = JSON.parse(bytes.toString('utf8'));
          if (fault === 'copy') manifest.name = `${manifest.name} (copy)`;
          if (fault === 'inputs') manifest.unet.inputs = { ...manifest.unet.inputs, sample: 'noisy_sample' };
          if (fault === 'shape') manifest.image = { ...manifest.image, channels: 3 };
          if (fault === 'truncate' || fault === 'corrupt') delete manifest.files;
          bytes = Buffer.from(JSON.stringify(manifest));
        }
        if (onnx && fault === 'truncate') bytes = bytes.subarray(0, Math.floor(bytes.length * 0.6));
        if (onnx && (fault === 'corrupt' || fault === 'corrupt-weights')) {
          bytes = Buffer.from(bytes);
          const at = fault === 'corrupt' ? 8 : Math.floor(bytes.length / 3);
          for (let i = 0; i < 4096 && at + i < bytes.length; i++) bytes[at + i] = (i * 7919 + 13) & 0xff;
        }
        res.setHeader('Content-Length', bytes.length);
        res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-store');
        if (onnx && (fault === 'drop-always' || (fault === 'drop-once' && first))) {
          // Headers promise every byte; half arrive, then the connection is cut: a network error mid-download.
          res.flushHeaders();
          res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => setTimeout(() => res.socket?.destroy(), 50));
          return;
        }
        if (onnx && fault === 'slow') {
          let offset = 0;
          const pump = () => {
            if (res.destroyed) return;
            const end = Math.min(bytes.length, offset + 65536);
            res.write(bytes.subarray(offset, end));
            offset = end;
            if (offset < bytes.length) setTimeout(pump, 20);
            else res.end();
          };
          return pump();
        }
        res.end(bytes);
      });
    },
  };
}
