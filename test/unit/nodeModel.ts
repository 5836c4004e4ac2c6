import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { loadModel, type DiffusionModel, type OrtModule } from '../../src/engine';

/** The shipped model's folder. */
export const MODEL_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../assets/models/glyffuser-mini',
);

/** fetch() over file: URLs, which Node's own fetch does not read. */
export async function fileFetch(url: string): Promise<Response> {
  const bytes = await readFile(fileURLToPath(url));
  return new Response(new Uint8Array(bytes), { headers: { 'content-length': String(bytes.length) } });
}

/** The shipped few-step student's folder (its text encoder and tokenizer are the teacher's files). */
export const TURBO_MODEL_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../assets/models/glyffuser-mini-turbo',
);

/**
 * Loads the shipped model (or, with `dir`, another model folder) in Node on onnxruntime-node (native CPU), through the
 * engine's own loader.
 */
export function loadShippedModelInNode(threads = 1, dir = MODEL_DIR): Promise<DiffusionModel> {
  const ort = ortNode as unknown as OrtModule;
  return loadModel(pathToFileURL(path.join(dir, 'model.json')).href, {
    fetch: fileFetch,
    runtime: { ort: withThreads(ort, threads), executionProviders: ['cpu'], label: `native-cpu-${threads}t` },
  });
}

/** onnxruntime-node takes its thread count per session: wrap create() to pass it. */
function withThreads(ort: OrtModule, threads: number): OrtModule {
  return {
    ...ort,
    Tensor: ort.Tensor,
    env: ort.env,
    InferenceSession: {
      create: (bytes, options) =>
        ort.InferenceSession.create(bytes, { ...options, intraOpNumThreads: threads, interOpNumThreads: 1 }),
    },
  };
}

/** The tiny diffusers-contract U-Nets of test/fixtures/diffusers (made by export_tiny_unets.py there), and the
 * real-* ones built with diffusers' own classes (export_real_diffusers.py there; real-lcm by export_real_lcm.py). */
export const DIFFUSERS_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/diffusers');

export type DiffusersFixture =
  'unconditional' | 'class' | 'text' | 'real-unconditional' | 'real-class' | 'real-text' | 'real-lcm';

/** A fixture's model.json as parsed JSON, before validation: the tests edit any field of it, to any type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately untyped: what loadModel is given
export type RawManifest = Record<string, any>;

/**
 * Loads one of those U-Nets ('unconditional', 'class', 'text', 'real-*') in Node; `manifest` edits its model.json
 * first.
 */
export async function loadFixtureModelInNode(
  kind: DiffusersFixture,
  manifest?: (m: RawManifest) => void,
  ort: OrtModule = ortNode as unknown as OrtModule,
): Promise<DiffusionModel> {
  const folder = path.join(DIFFUSERS_FIXTURES, kind);
  const json = JSON.parse(await readFile(path.join(folder, 'model.json'), 'utf8')) as RawManifest;
  manifest?.(json);
  return loadModel(
    { manifest: json, baseUrl: pathToFileURL(folder + path.sep).href },
    {
      fetch: fileFetch,
      runtime: { ort: withThreads(ort, 1), executionProviders: ['cpu'], label: 'native-cpu-1t' },
    },
  );
}
