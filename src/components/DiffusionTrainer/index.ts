export { DiffusionTrainer, checkDiffusionTrainerProps, type DiffusionTrainerProps } from './DiffusionTrainer';
export { useDiffusionTrainer, type TrainerRunOptions, type TrainerState } from './useDiffusionTrainer';
export { useModelSamples, type ModelSamples, type ModelSamplesOptions } from './useModelSamples';
export { DIFFUSION_TRAINER_LIMITS, MAX_SAMPLING_WORK } from './trainerSettings';
export { MAX_DRAWN_POINTS, type TrainerData } from './trainerData';
