import { prebundledPackageRoot } from './prebundled';
import { SHIPPED_MODEL_DIGEST, SHIPPED_TURBO_MODEL_DIGEST } from './shippedModelDigest';

/** A model whose files do not sit next to its model.json under their own names (a bundler hashed them). */
export interface ModelFileMap {
  /** The model.json's URL. */
  url: string;
  /** Each file the manifest names (e.g. 'unet.onnx'), at the URL it is served from. */
  files: Readonly<Record<string, string>>;
}

/**
 * `?v=<digest>` on a served model.json. Not on a `data:` URL: a bundler inlines a small file that way (Vite below
 * its assetsInlineLimit, 4 KiB), and a query would corrupt it; a data URL changes with its content anyway.
 */
function withDigest(url: string, digest: string): string {
  return url.startsWith('data:') ? url : `${url}?v=${digest}`;
}

/**
 * The shipped glyffuser-mini's files, referenced with `new URL('…', import.meta.url)` from this module of the
 * package: Vite, Rollup, webpack 5 (Docusaurus, Next), Turbopack and Astro see these as assets, emit each file
 * (hashed) into the site's build and rewrite the URL under the site's base path. No copy step.
 * Each `new URL` must keep a literal path for the bundlers to find it (the package build rewrites the depth).
 * model.json carries `?v=<digest>` because it is read cache-first: an unhashed URL (a dev server) still gets a
 * new cache entry when the model changes.
 */
export function shippedModelFiles(): ModelFileMap {
  const packageRoot = prebundledPackageRoot(import.meta.url);
  if (packageRoot) {
    const file = (name: string) => `${packageRoot}assets/models/glyffuser-mini/${name}`;
    return {
      url: `${file('model.json')}?v=${SHIPPED_MODEL_DIGEST}`,
      files: Object.fromEntries(SHIPPED_FILES.map((name) => [name, file(name)])),
    };
  }
  return {
    url: withDigest(
      new URL('../../../assets/models/glyffuser-mini/model.json', import.meta.url).href,
      SHIPPED_MODEL_DIGEST,
    ),
    files: {
      'unet.onnx': new URL('../../../assets/models/glyffuser-mini/unet.onnx', import.meta.url).href,
      'text_encoder.onnx': new URL('../../../assets/models/glyffuser-mini/text_encoder.onnx', import.meta.url).href,
      'tokenizer.json': new URL('../../../assets/models/glyffuser-mini/tokenizer.json', import.meta.url).href,
    },
  };
}

const SHIPPED_FILES = ['unet.onnx', 'text_encoder.onnx', 'tokenizer.json'];

/**
 * The shipped few-step student, glyffuser-mini-turbo, the same way. Its model.json names the teacher's text encoder
 * and tokenizer (`../glyffuser-mini/…`), mapped here to the very URLs of {@link shippedModelFiles}: a page with both
 * models gets one emitted copy of each and downloads it once.
 */
export function shippedTurboModelFiles(): ModelFileMap {
  const teacher = shippedModelFiles().files;
  const shared = {
    '../glyffuser-mini/text_encoder.onnx': teacher['text_encoder.onnx']!,
    '../glyffuser-mini/tokenizer.json': teacher['tokenizer.json']!,
  };
  const packageRoot = prebundledPackageRoot(import.meta.url);
  if (packageRoot) {
    const file = (name: string) => `${packageRoot}assets/models/glyffuser-mini-turbo/${name}`;
    return {
      url: `${file('model.json')}?v=${SHIPPED_TURBO_MODEL_DIGEST}`,
      files: { 'unet.onnx': file('unet.onnx'), ...shared },
    };
  }
  return {
    url: withDigest(
      new URL('../../../assets/models/glyffuser-mini-turbo/model.json', import.meta.url).href,
      SHIPPED_TURBO_MODEL_DIGEST,
    ),
    files: {
      'unet.onnx': new URL('../../../assets/models/glyffuser-mini-turbo/unet.onnx', import.meta.url).href,
      ...shared,
    },
  };
}

/** The shipped model's folder inside the package's `assets/` (for `configure({ assetBase })`). */
export const SHIPPED_MODEL_PATH = 'models/glyffuser-mini/model.json';

/** The shipped student's folder inside the package's `assets/`. */
export const SHIPPED_TURBO_MODEL_PATH = 'models/glyffuser-mini-turbo/model.json';
