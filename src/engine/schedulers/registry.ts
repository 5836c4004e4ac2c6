import type { RawSchedulerConfig } from './ConfigReader';
import { DDIMScheduler } from './DDIMScheduler';
import { DDPMScheduler } from './DDPMScheduler';
import { DPMSolverMultistepScheduler } from './DPMSolverMultistepScheduler';
import { EulerAncestralDiscreteScheduler } from './EulerAncestralDiscreteScheduler';
import { EulerDiscreteScheduler } from './EulerDiscreteScheduler';
import { LCMScheduler } from './LCMScheduler';
import { SCHEDULER_INFO } from './schedulerInfo';
import type { Scheduler, SchedulerInfo, SchedulerName } from './types';

/**
 * The scheduler classes of the kit, in a stable order. Each class declares its own registry entry
 * (`static info`: short name, diffusers `_class_name`, label) from SCHEDULER_INFO (schedulerInfo.ts), in the same
 * order; the lookups that need a class derive from this list, the names, class names and labels from
 * SCHEDULER_INFO alone (a page that only names the schedulers loads none of them). Adding a scheduler means
 * adding its entry to SCHEDULER_INFO, its class here and to `SchedulerClass`, and its name to `SchedulerName` (the
 * compiler checks: the list holds only `SchedulerClass`es, `info.name` must be a `SchedulerName`, and
 * `SchedulerInstance` needs a class for each name; registry.test.ts checks the two orders agree).
 *
 * The tables below are computed at load time: `@__PURE__` lets a bundler drop those a page does not use.
 */
const SCHEDULER_CLASS_LIST: readonly SchedulerClass[] = [
  DDPMScheduler,
  DDIMScheduler,
  DPMSolverMultistepScheduler,
  EulerDiscreteScheduler,
  EulerAncestralDiscreteScheduler,
  LCMScheduler,
];

/** Any scheduler class of the kit (the list above, spelt out so that the public API names each class). */
export type SchedulerClass =
  | typeof DDPMScheduler
  | typeof DDIMScheduler
  | typeof DPMSolverMultistepScheduler
  | typeof EulerDiscreteScheduler
  | typeof EulerAncestralDiscreteScheduler
  | typeof LCMScheduler;

/** The scheduler class for each short name. */
export type SchedulerClasses = { readonly [C in SchedulerClass as C['info']['name']]: C };

/** An instance of the scheduler named `N`. */
export type SchedulerInstance<N extends SchedulerName> = InstanceType<SchedulerClasses[N]>;

/** One registry entry: a class's short name, diffusers' class name and label, and its constructor. */
export interface SchedulerRegistryEntry<N extends SchedulerName = SchedulerName> extends SchedulerInfo<N> {
  /** The class; `new Scheduler(config)` takes a diffusers `scheduler_config.json` object. */
  readonly Scheduler: new (config?: RawSchedulerConfig) => Scheduler;
}

/** Every scheduler of the kit, one entry per class, in a stable order. */
export const SCHEDULER_REGISTRY: readonly SchedulerRegistryEntry[] = /* @__PURE__ */ SCHEDULER_CLASS_LIST.map(
  (Scheduler) => ({ ...Scheduler.info, Scheduler }),
);

/** A table keyed by short name, in registry order. */
function byName<E extends SchedulerInfo, V>(entries: readonly E[], value: (entry: E) => V): Record<SchedulerName, V> {
  return Object.fromEntries(entries.map((entry) => [entry.name, value(entry)])) as Record<SchedulerName, V>;
}

/** The registry entries without their classes, in registry order. */
const INFO_LIST: readonly SchedulerInfo[] = /* @__PURE__ */ Object.values(SCHEDULER_INFO);

/** The scheduler classes of the kit by short name. */
export const SCHEDULER_CLASSES: SchedulerClasses = /* @__PURE__ */ byName(
  SCHEDULER_REGISTRY,
  (entry) => entry.Scheduler,
) as unknown as SchedulerClasses;

/** The short names, in a stable order. */
export const SCHEDULER_NAMES: SchedulerName[] = /* @__PURE__ */ INFO_LIST.map((entry) => entry.name);

/** diffusers' `_class_name` of each short name. */
export const DIFFUSERS_CLASS_NAMES: Readonly<Record<SchedulerName, string>> = /* @__PURE__ */ byName(
  INFO_LIST,
  (entry) => entry.className,
);

/** The name readers know each scheduler by (e.g. 'DPM-Solver++ (multistep)'), for menus and legends. */
export const SCHEDULER_LABELS: Readonly<Record<SchedulerName, string>> = /* @__PURE__ */ byName(
  INFO_LIST,
  (entry) => entry.label,
);

/** The registry entry of a diffusers `_class_name`, or undefined for a class the kit does not implement. */
export function schedulerEntryForClassName(className: unknown): SchedulerRegistryEntry | undefined {
  return SCHEDULER_REGISTRY.find((entry) => entry.className === className);
}
