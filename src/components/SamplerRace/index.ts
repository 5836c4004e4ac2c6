export { SamplerRace, MAX_RACE_IMAGE_STEPS, type SamplerRaceProps } from './SamplerRace';
