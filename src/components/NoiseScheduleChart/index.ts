export { NoiseScheduleChart, type NoiseScheduleChartProps } from './NoiseScheduleChart';
export type { NoiseScheduleChartSeries } from './useNoiseScheduleChart';
export type { ScheduleQuantity } from './quantities';
