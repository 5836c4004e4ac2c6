// Copies the kit's shipped model (node_modules/diffusion-kit/assets) to public/kit-assets, the URL the kit
// loads it from by default (/kit-assets/models/glyffuser-mini/model.json). Runs before dev and build.
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const from = path.join(path.dirname(require.resolve('diffusion-kit/package.json')), 'assets');
const to = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/kit-assets');
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
console.log(`kit assets: ${path.relative(process.cwd(), from)} -> ${path.relative(process.cwd(), to)}`);
