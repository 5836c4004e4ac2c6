export { SamplerRace, MAX_RACE_IMAGE_STEPS, type SamplerRaceProps } from './SamplerRace';
export { useSamplerRace, type RaceSettings, type LaneState, type RacePhase } from './useSamplerRace';
export { rmsDistance } from './raceDistance';
export { racePlan, raceWork, type RaceJob, type RacePlan } from './racePlan';
export { RaceCache, sharedRaceCache, type RaceResult } from './raceCache';
export { DEFAULT_CHART_STEPS, DEFAULT_RACE_SCHEDULERS } from './raceSteps';
