import {
  LABELLED_MIXTURE2D_PRESETS,
  type Gaussian2dSpec,
  type LabelledMixture2d,
  type LabelledMixture2dPresetName,
  createLabelledMixture2d,
  labelledMixture2dPreset,
} from '../../engine';
import { LABELLED_MIXTURE2D_PRESET_LABELS, isLabelledMixture2dPresetName } from '../../engine/internal';
import { readComponents } from '../ScoreFieldPlot/scoreFieldData';
import { cachedByObject, createCopyOnce } from '../shared/props/hostProps';
import {
  type Checked,
  type PropProblem,
  checkString,
  describeValue,
  errorText,
  isPlainObject,
  safeCheck,
} from '../shared/props/propChecks';

/** One class of a labelled mixture, as the `data` prop takes it. */
export interface GuidanceFieldClassSpec {
  /** The class's name, shown in the class picker (default `class <index>`). */
  label?: string;
  /** Its prior weight p(y) before normalisation (default 1). */
  weight?: number;
  /** Its gaussians { weight?, mean: [x, y], cov? }. */
  components: ReadonlyArray<Gaussian2dSpec>;
}

/** Labelled data written out: the classes, and optionally a few words naming the data. */
export interface GuidanceFieldMixtureSpec {
  classes: ReadonlyArray<GuidanceFieldClassSpec>;
  label?: string;
}

/** What GuidanceField draws: a labelled preset or classes of gaussians. */
export type GuidanceFieldData = LabelledMixture2dPresetName | GuidanceFieldMixtureSpec;

/** The data as a labelled mixture, with words for it. */
export interface ResolvedGuidanceFieldData {
  mixture: LabelledMixture2d;
  label: string;
  kind: 'preset' | 'mixture';
}

/** Limits of the data prop: classes, gaussians in all, and the length of a label. */
export const GUIDANCE_DATA_LIMITS = { classes: 8, components: 200, label: 100 } as const;

/** The presets, quoted, for messages (a function: no work at import time). */
const presetList = () => LABELLED_MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ');

function dataProblem(message: string): { problem: PropProblem } {
  return { problem: { prop: 'data', message } };
}

function readLabel(value: unknown, at: string): Checked<string | undefined> {
  if (value === undefined) return { value: undefined };
  const problem = checkString(at, value, { maxLength: GUIDANCE_DATA_LIMITS.label });
  return problem ? dataProblem(problem.message) : { value: value as string };
}

function readClass(value: unknown, y: number, budget: number): Checked<GuidanceFieldClassSpec> {
  const at = `data.classes[${y}]`;
  if (!isPlainObject(value))
    return dataProblem(`${at} must be an object { label?, weight?, components }; got ${describeValue(value)}.`);
  const label = readLabel(value.label, `${at}.label`);
  if (label.problem) return label;
  const weight = value.weight;
  if (
    weight !== undefined &&
    !(typeof weight === 'number' && Number.isFinite(weight) && weight >= 0 && weight <= 1e6)
  ) {
    return dataProblem(`${at}.weight must be a number from 0 to 1000000; got ${describeValue(weight)}.`);
  }
  const components = readComponents(value.components, `${at}.components`, budget);
  if (components.problem) return components;
  const spec: GuidanceFieldClassSpec = { components: components.value };
  if (label.value !== undefined) spec.label = label.value;
  if (weight !== undefined) spec.weight = weight as number;
  return { value: spec };
}

function readData(data: unknown): Checked<GuidanceFieldData> {
  if (typeof data === 'string') {
    return isLabelledMixture2dPresetName(data)
      ? { value: data }
      : dataProblem(`data must be one of ${presetList()} or { classes }; got ${describeValue(data)}.`);
  }
  if (!isPlainObject(data) || !Array.isArray(data.classes)) {
    return dataProblem(
      `data must be a preset name (${presetList()}) or { classes: [{ label?, weight?, components }, ...] }; got ${describeValue(data)}.`,
    );
  }
  const list = data.classes as unknown[];
  const L = GUIDANCE_DATA_LIMITS;
  if (list.length < 2 || list.length > L.classes)
    return dataProblem(`data.classes must hold 2 to ${L.classes} classes; got ${list.length}.`);
  const classes: GuidanceFieldClassSpec[] = [];
  let left = L.components;
  for (let y = 0; y < list.length; y++) {
    // Each class may use what the earlier ones left of the budget, keeping one gaussian for every later class.
    const c = readClass(list[y], y, left - (list.length - 1 - y));
    if (c.problem) {
      return /must be an array of 1 to/.test(c.problem.message)
        ? dataProblem(`${c.problem.message} The classes may hold at most ${L.components} gaussians in all.`)
        : c;
    }
    left -= c.value.components.length;
    classes.push(c.value);
  }
  const label = readLabel(data.label, 'data.label');
  if (label.problem) return label;
  const spec: GuidanceFieldMixtureSpec = { classes };
  if (label.value !== undefined) spec.label = label.value;
  return { value: spec };
}

const sanitized = /* @__PURE__ */ cachedByObject(readData);
const copyOnce = /* @__PURE__ */ createCopyOnce();

/**
 * Checks the `data` prop (a labelled preset, or 2 to 8 classes of gaussians, at most 200 in all, with the
 * coordinate and variance limits of ScoreFieldPlot's data) and copies it; the same object gives the same copy.
 * Never throws.
 */
export function sanitizeGuidanceFieldData(data: unknown): Checked<GuidanceFieldData> {
  return safeCheck('data', () => copyOnce(data, sanitized));
}

/** How many gaussians the (sanitised) data holds. */
export function guidanceDataComponentCount(data: GuidanceFieldData): number {
  if (typeof data === 'string')
    return isLabelledMixture2dPresetName(data) ? labelledMixture2dPreset(data).joint.size : 0;
  return data.classes.reduce((n, c) => n + c.components.length, 0);
}

/** How many classes the (sanitised) data has. */
export function guidanceDataClassCount(data: GuidanceFieldData): number {
  if (typeof data === 'string')
    return isLabelledMixture2dPresetName(data) ? labelledMixture2dPreset(data).classes.length : 0;
  return data.classes.length;
}

/** Resolves the `data` prop to a labelled mixture, or says what is wrong with it (never throws). */
export function resolveGuidanceFieldData(data: unknown): ResolvedGuidanceFieldData | { problem: PropProblem } {
  const clean = sanitizeGuidanceFieldData(data);
  if (clean.problem) return { problem: clean.problem };
  const value = clean.value;
  try {
    if (typeof value === 'string')
      return {
        mixture: labelledMixture2dPreset(value),
        label: LABELLED_MIXTURE2D_PRESET_LABELS[value],
        kind: 'preset',
      };
    const mixture = createLabelledMixture2d(value.classes);
    const n = mixture.joint.size;
    return {
      mixture,
      label: value.label ?? `${mixture.classes.length} classes of ${n} gaussians in all`,
      kind: 'mixture',
    };
  } catch (e) {
    return dataProblem(`data is not a valid labelled mixture: ${errorText(e)}`);
  }
}
