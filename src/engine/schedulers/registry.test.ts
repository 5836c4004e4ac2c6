import { describe, expect, it } from 'vitest';
import { createScheduler } from './createScheduler';
import {
  DIFFUSERS_CLASS_NAMES,
  SCHEDULER_CLASSES,
  SCHEDULER_LABELS,
  SCHEDULER_NAMES,
  SCHEDULER_REGISTRY,
  schedulerEntryForClassName,
} from './registry';

describe('the scheduler registry', () => {
  it('has one entry per class, and every lookup table derives from it', () => {
    expect(SCHEDULER_REGISTRY.map((e) => e.name)).toEqual([
      'ddpm',
      'ddim',
      'dpmSolverMultistep',
      'euler',
      'eulerAncestral',
      'lcm',
    ]);
    expect(SCHEDULER_NAMES).toEqual(SCHEDULER_REGISTRY.map((e) => e.name));
    expect(Object.keys(SCHEDULER_CLASSES)).toEqual(SCHEDULER_NAMES);
    for (const entry of SCHEDULER_REGISTRY) {
      expect(SCHEDULER_CLASSES[entry.name]).toBe(entry.Scheduler);
      expect(DIFFUSERS_CLASS_NAMES[entry.name]).toBe(entry.className);
      expect(SCHEDULER_LABELS[entry.name]).toBe(entry.label);
      expect(schedulerEntryForClassName(entry.className)).toBe(entry);
    }
    expect(new Set(SCHEDULER_REGISTRY.map((e) => e.className)).size).toBe(SCHEDULER_REGISTRY.length);
    expect(schedulerEntryForClassName('PNDMScheduler')).toBeUndefined();
  });

  it("gives instances their class's name and className (the class's own static info)", () => {
    for (const entry of SCHEDULER_REGISTRY) {
      const scheduler = createScheduler(entry.name);
      expect(scheduler.name).toBe(entry.name);
      expect(scheduler.className).toBe(entry.className);
      expect((entry.Scheduler as unknown as { info: unknown }).info).toEqual({
        name: entry.name,
        className: entry.className,
        label: entry.label,
      });
    }
  });

  it('labels every scheduler for readers', () => {
    expect(SCHEDULER_LABELS).toEqual({
      ddpm: 'DDPM',
      ddim: 'DDIM',
      dpmSolverMultistep: 'DPM-Solver++ (multistep)',
      euler: 'Euler',
      eulerAncestral: 'Euler ancestral',
      lcm: 'LCM',
    });
  });
});
