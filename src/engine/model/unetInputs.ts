import { ConditioningError, isClassConditioning, type Conditioning } from './conditioning';
import { ManifestError, ModelLoadError } from './errors';
import { conditioningKind, type ConditioningKind, type ModelManifest, type TimestepType } from './manifest';
import type { OrtModule, OrtSession, OrtTensor } from './ort';

/** What a loaded U-Net takes, resolved once at load from the manifest and the session's input metadata. */
export interface UnetInputSpec {
  kind: ConditioningKind;
  timestepType: TimestepType;
  /** D of encoder_hidden_states [B, L, D] (text models). */
  hiddenSize: number | null;
  /** L when the U-Net (or its text encoder) fixes it; null: any L the caller gives. */
  sequenceLength: number | null;
  /** The labels accepted (class models): 0..classes-1, and the null class if any. */
  classCount: number;
  nullClass: number | null;
  /**
   * D of timestep_cond [B, D] (a guided-distilled U-Net, `unet.timeCondProjDim`), or null when it has no such input.
   */
  timeCondProjDim: number | null;
}

/** The dtype and shape of a session's input, when the runtime exposes its metadata (onnxruntime 1.22+). */
function inputMetadata(
  session: OrtSession,
  name: string,
): { type?: string; shape?: readonly (number | string)[] } | undefined {
  const all = session.inputMetadata;
  return Array.isArray(all) ? all.find((m) => m.name === name) : undefined;
}

/**
 * Reads the U-Net's input contract: the timestep dtype (from the file, else `unet.timestepType`, else float32),
 * the class labels' dtype (int64), and the size of encoder_hidden_states (text encoder, manifest, or file).
 */
export function resolveUnetInputs(manifest: ModelManifest, session: OrtSession): UnetInputSpec {
  const { unet } = manifest;
  const file = unet.file;
  const kind = conditioningKind(manifest);
  const tMeta = inputMetadata(session, unet.inputs.timestep);
  let timestepType: TimestepType = unet.timestepType ?? 'float32';
  if (tMeta?.type !== undefined) {
    if (tMeta.type !== 'float32' && tMeta.type !== 'int64') {
      throw new ModelLoadError(
        file,
        `takes its timestep input '${unet.inputs.timestep}' as ${tMeta.type}; the engine feeds float32 or int64: export with one of those.`,
      );
    }
    if (unet.timestepType !== undefined && unet.timestepType !== tMeta.type) {
      throw new ModelLoadError(
        file,
        `takes its timestep input as ${tMeta.type}, but model.json says unet.timestepType '${unet.timestepType}'; fix or remove unet.timestepType.`,
      );
    }
    timestepType = tMeta.type;
  }
  if (kind === 'class') {
    const type = inputMetadata(session, unet.inputs.classLabels!)?.type;
    if (type !== undefined && type !== 'int64')
      throw new ModelLoadError(
        file,
        `takes class labels '${unet.inputs.classLabels}' as ${type}; the engine feeds int64 (diffusers' dtype).`,
      );
  }
  let hiddenSize: number | null = null;
  let sequenceLength: number | null = null;
  if (kind === 'text') {
    const shape = inputMetadata(session, unet.inputs.encoderHiddenStates!)?.shape;
    const fixed = (i: number) =>
      shape && typeof shape[i] === 'number' && (shape[i] as number) > 0 ? (shape[i] as number) : null;
    hiddenSize = manifest.textEncoder?.hiddenSize ?? unet.encoderHiddenSize ?? fixed(2);
    sequenceLength = manifest.textEncoder?.maxLength ?? unet.encoderSequenceLength ?? fixed(1);
    if (fixed(2) !== null && hiddenSize !== fixed(2)) {
      throw new ModelLoadError(
        file,
        `takes encoder_hidden_states with D = ${fixed(2)}, but model.json says ${hiddenSize} (textEncoder.hiddenSize or unet.encoderHiddenSize).`,
      );
    }
    if (fixed(1) !== null && sequenceLength !== fixed(1)) {
      throw new ModelLoadError(
        file,
        `takes encoder_hidden_states with L = ${fixed(1)}, but model.json says ${sequenceLength} (textEncoder.maxLength or unet.encoderSequenceLength).`,
      );
    }
    if (hiddenSize === null) {
      throw new ManifestError(
        'unet.encoderHiddenSize',
        'is missing: without a text encoder, and with a U-Net file that leaves the size of encoder_hidden_states open, the engine needs D (its cross_attention_dim).',
      );
    }
  }
  let timeCondProjDim: number | null = null;
  const named = new Set(Object.values(unet.inputs));
  if (
    unet.inputs.timestepCond === undefined &&
    session.inputNames.includes('timestep_cond') &&
    !named.has('timestep_cond')
  ) {
    throw new ModelLoadError(
      file,
      "takes an input 'timestep_cond' (a guided-distilled U-Net's guidance embedding, diffusers' time_cond_proj_dim) that model.json does not name: add unet.inputs.timestepCond: 'timestep_cond' and unet.timeCondProjDim.",
    );
  }
  if (unet.inputs.timestepCond !== undefined) {
    timeCondProjDim = unet.timeCondProjDim!;
    const meta = inputMetadata(session, unet.inputs.timestepCond);
    if (meta?.type !== undefined && meta.type !== 'float32') {
      throw new ModelLoadError(
        file,
        `takes timestep_cond '${unet.inputs.timestepCond}' as ${meta.type}; the engine feeds float32 (diffusers' dtype).`,
      );
    }
    const D = meta?.shape?.[1];
    if (typeof D === 'number' && D > 0 && D !== timeCondProjDim) {
      throw new ModelLoadError(
        file,
        `takes timestep_cond with D = ${D}, but model.json says unet.timeCondProjDim ${timeCondProjDim}.`,
      );
    }
  }
  return {
    kind,
    timestepType,
    hiddenSize,
    sequenceLength,
    classCount: manifest.classes?.length ?? 0,
    nullClass: manifest.nullClass ?? null,
    timeCondProjDim,
  };
}

const KIND_WORDS: Record<ConditioningKind, string> = {
  none: 'unconditional (its U-Net takes only sample and timestep)',
  class: 'class-conditional: pass { classLabels, batch }',
  text: 'conditioned on encoder hidden states: pass { hidden, mask?, batch }',
};

/** The U-Net's feeds for one call; every misfit of the conditioning is a ConditioningError naming the part. */
export function unetFeeds(
  ort: OrtModule,
  manifest: ModelManifest,
  spec: UnetInputSpec,
  sample: Float32Array,
  timesteps: ArrayLike<number>,
  conditioning: Conditioning | undefined | null,
): Record<string, OrtTensor> {
  const { width, height, channels } = manifest.image;
  const batch = timesteps.length;
  const names = manifest.unet.inputs;
  const feeds: Record<string, OrtTensor> = {
    [names.sample]: new ort.Tensor('float32', sample, [batch, channels, height, width]),
    [names.timestep]: timestepTensor(ort, spec.timestepType, timesteps),
  };
  const about = `the model '${manifest.name}' is ${KIND_WORDS[spec.kind]}`;
  if (spec.kind === 'none') {
    if (conditioning !== undefined && conditioning !== null)
      throw new ConditioningError('conditioning', `must be left out: ${about}.`);
    return feeds;
  }
  if (typeof conditioning !== 'object' || conditioning === null)
    throw new ConditioningError('conditioning', `is missing: ${about}.`);
  if (conditioning.batch !== batch)
    throw new ConditioningError(
      'batch',
      `is ${String(conditioning.batch)}; the sample batch (one timestep per item) is ${batch}.`,
    );
  if (spec.kind === 'class') {
    if (!isClassConditioning(conditioning))
      throw new ConditioningError('conditioning', `has no classLabels: ${about}.`);
    feeds[names.classLabels!] = classLabelTensor(ort, spec, conditioning.classLabels, batch);
    return feeds;
  }
  if (isClassConditioning(conditioning) || !(conditioning.hidden instanceof Float32Array)) {
    throw new ConditioningError('hidden', `must be a Float32Array of encoder hidden states [batch, L, D]: ${about}.`);
  }
  const D = spec.hiddenSize!;
  const L = conditioning.hidden.length / (batch * D);
  if (!Number.isInteger(L) || L < 1 || (spec.sequenceLength !== null && L !== spec.sequenceLength)) {
    const shape =
      spec.sequenceLength !== null ? `${batch}x${spec.sequenceLength}x${D}` : `${batch}xLx${D} for some L >= 1`;
    throw new ConditioningError(
      'hidden',
      `has ${conditioning.hidden.length} values; the U-Net takes ${shape} (batch x tokens x hidden size).`,
    );
  }
  feeds[names.encoderHiddenStates!] = new ort.Tensor('float32', conditioning.hidden, [batch, L, D]);
  if (names.encoderAttentionMask !== undefined) {
    const mask = conditioning.mask ?? new Float32Array(batch * L).fill(1);
    if (!(mask instanceof Float32Array) || mask.length !== batch * L) {
      throw new ConditioningError(
        'mask',
        `must be a Float32Array of ${batch}x${L} values (1 keep, 0 pad), or left out; got ${mask.length} values.`,
      );
    }
    feeds[names.encoderAttentionMask] = new ort.Tensor('float32', mask, [batch, L]);
  }
  const cond = conditioning.timestepCond;
  if (spec.timeCondProjDim === null) {
    if (cond !== undefined)
      throw new ConditioningError(
        'timestepCond',
        `must be left out: the model '${manifest.name}' has no timestep_cond input (unet.inputs.timestepCond in its model.json).`,
      );
  } else {
    const D = spec.timeCondProjDim;
    const want = `a Float32Array of ${batch}x${D} values (batch x unet.timeCondProjDim): the guidance-scale embedding, guidanceScaleEmbeddingBatch(guidanceScale - 1, ${D}, ${batch})`;
    if (cond === undefined)
      throw new ConditioningError(
        'timestepCond',
        `is missing: the model '${manifest.name}' takes the guidance scale as timestep_cond; pass ${want}.`,
      );
    if (!(cond instanceof Float32Array) || cond.length !== batch * D) {
      throw new ConditioningError(
        'timestepCond',
        `must be ${want}; got ${cond instanceof Float32Array ? `${cond.length} values` : typeof cond}.`,
      );
    }
    feeds[names.timestepCond!] = new ort.Tensor('float32', cond, [batch, D]);
  }
  return feeds;
}

function timestepTensor(ort: OrtModule, type: TimestepType, timesteps: ArrayLike<number>): OrtTensor {
  for (let i = 0; i < timesteps.length; i++) {
    if (!Number.isFinite(timesteps[i]))
      throw new ConditioningError('timesteps', `must be finite numbers; item ${i} is ${String(timesteps[i])}.`);
  }
  if (type === 'float32') return new ort.Tensor('float32', Float32Array.from(timesteps), [timesteps.length]);
  // An int64 timestep input (diffusers' UNet2DModel traced with integer timesteps): samplers with fractional
  // timesteps (Euler on a linspace grid) are rounded to the nearest training step.
  return new ort.Tensor('int64', BigInt64Array.from(Array.from(timesteps, (t) => BigInt(Math.round(t)))), [
    timesteps.length,
  ]);
}

function classLabelTensor(ort: OrtModule, spec: UnetInputSpec, labels: ArrayLike<number>, batch: number): OrtTensor {
  if (labels === null || typeof labels !== 'object' || labels.length !== batch) {
    throw new ConditioningError(
      'classLabels',
      `must hold one label per batch item (${batch}); got ${labels === null || typeof labels !== 'object' ? String(labels) : `${labels.length} labels`}.`,
    );
  }
  const out = new BigInt64Array(batch);
  const range = `an integer from 0 to ${spec.classCount - 1}${spec.nullClass !== null ? ` or the null class ${spec.nullClass}` : ''}`;
  for (let i = 0; i < batch; i++) {
    const k = labels[i]!;
    if (!Number.isInteger(k) || ((k < 0 || k >= spec.classCount) && k !== spec.nullClass)) {
      throw new ConditioningError('classLabels', `item ${i} must be ${range}; got ${String(k)}.`);
    }
    out[i] = BigInt(k);
  }
  return new ort.Tensor('int64', out, [batch]);
}
