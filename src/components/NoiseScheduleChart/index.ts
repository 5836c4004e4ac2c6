export { NoiseScheduleChart, type NoiseScheduleChartProps } from './NoiseScheduleChart';
export { useNoiseScheduleChart, type NoiseScheduleChartModel, type NoiseScheduleChartSeries } from './useNoiseScheduleChart';
export { QUANTITIES as NOISE_SCHEDULE_QUANTITIES, type ScheduleQuantity } from './quantities';
