import { getConfig } from '../config/configure';
import { SHIPPED_MODEL_DIGEST, SHIPPED_TURBO_MODEL_DIGEST } from './shippedModelDigest';
import {
  SHIPPED_MODEL_PATH,
  SHIPPED_TURBO_MODEL_PATH,
  shippedModelFiles,
  shippedTurboModelFiles,
  type ModelFileMap,
} from './shippedModel';

/**
 * The model used when a component or `loadModel` is given none: `configure({ modelUrl })` when set, else the
 * shipped glyffuser-mini under `configure({ assetBase })` when set, else the shipped model's files as the
 * host's bundler emitted them (see shippedModel.ts).
 */
export function defaultModelSource(): string | ModelFileMap {
  const { modelUrl, assetBase } = getConfig();
  if (modelUrl !== undefined) return String(modelUrl);
  if (assetBase !== undefined) return `${String(assetBase)}${SHIPPED_MODEL_PATH}?v=${SHIPPED_MODEL_DIGEST}`;
  return shippedModelFiles();
}

/**
 * The few-step model that live previews use when given none (PromptGenerator): the shipped glyffuser-mini-turbo,
 * under `configure({ assetBase })` when set, else as the host's bundler emitted it; `null` when
 * `configure({ modelUrl })` replaced the shipped model, whose student the kit cannot know.
 */
export function defaultTurboModelSource(): string | ModelFileMap | null {
  const { modelUrl, assetBase } = getConfig();
  if (modelUrl !== undefined) return null;
  if (assetBase !== undefined) return `${String(assetBase)}${SHIPPED_TURBO_MODEL_PATH}?v=${SHIPPED_TURBO_MODEL_DIGEST}`;
  return shippedTurboModelFiles();
}

/** The URL of the model.json used when none is given. */
export function getDefaultModelUrl(): string {
  const source = defaultModelSource();
  return typeof source === 'string' ? source : source.url;
}
