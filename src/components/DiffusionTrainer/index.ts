export { DiffusionTrainer, type DiffusionTrainerProps } from './DiffusionTrainer';
export { DIFFUSION_TRAINER_LIMITS } from './trainerSettings';
export type { TrainerData } from './trainerData';
