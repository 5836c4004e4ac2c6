import type { SchedulerInfo, SchedulerName } from './types';

/**
 * Each scheduler's registry entry (short name, diffusers' `_class_name`, label), in the registry's stable order.
 * Each class declares its own as `static readonly info = SCHEDULER_INFO.<name>`; the names, class names and labels
 * of the registry (registry.ts) are read from here, without the classes, so that a page that only lists or names
 * the schedulers (a figure's menu, legend or prop check) does not load their code.
 */
export const SCHEDULER_INFO = {
  ddpm: { name: 'ddpm', className: 'DDPMScheduler', label: 'DDPM' },
  ddim: { name: 'ddim', className: 'DDIMScheduler', label: 'DDIM' },
  dpmSolverMultistep: {
    name: 'dpmSolverMultistep',
    className: 'DPMSolverMultistepScheduler',
    label: 'DPM-Solver++ (multistep)',
  },
  euler: { name: 'euler', className: 'EulerDiscreteScheduler', label: 'Euler' },
  eulerAncestral: { name: 'eulerAncestral', className: 'EulerAncestralDiscreteScheduler', label: 'Euler ancestral' },
  lcm: { name: 'lcm', className: 'LCMScheduler', label: 'LCM' },
} as const satisfies { readonly [N in SchedulerName]: SchedulerInfo<N> };
