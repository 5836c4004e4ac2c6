'use client';
/**
 * diffusion-kit: React components for explaining diffusion models. The engine is re-exported under
 * `diffusion-kit/engine`; this entry holds the components.
 */
export { KIT_VERSION } from './version';
export {
  ScoreFieldPlot,
  type ScoreFieldPlotProps,
  type ScoreFieldData,
  type ScoreFieldLayers,
} from './components/ScoreFieldPlot';
export {
  GuidanceField,
  type GuidanceFieldProps,
  type GuidanceFieldData,
  type GuidanceFieldClassSpec,
  type GuidanceFieldLayers,
  type GuidanceDensity,
} from './components/GuidanceField';
export { DenoiseAnimator, type DenoiseAnimatorProps, type DenoiseView } from './components/DenoiseAnimator';
export {
  PromptGenerator,
  type PromptGeneratorProps,
  type PromptSettings,
  type PromptMode,
} from './components/PromptGenerator';
export {
  AttentionMap,
  MAX_ATTENTION_IMAGE_STEPS,
  type AttentionMapProps,
  type AttentionScale,
  type AttentionBase,
} from './components/AttentionMap';
export { SamplerRace, MAX_RACE_IMAGE_STEPS, type SamplerRaceProps } from './components/SamplerRace';
export { GlyphSketch, MAX_SKETCH_COUNT, type GlyphSketchProps, type GlyphSketchMode } from './components/GlyphSketch';
export { LatentWalk, MAX_WALK_FRAMES, type LatentWalkProps, type LatentWalkKind } from './components/LatentWalk';
export {
  DiffusionTrainer,
  DIFFUSION_TRAINER_LIMITS,
  type DiffusionTrainerProps,
  type TrainerData,
} from './components/DiffusionTrainer';
export { GaussianSampler, type GaussianSamplerProps } from './components/GaussianSampler';
export { PixelGrid, type PixelGridProps, type PixelImage } from './components/PixelGrid';
export {
  NoiseScheduleChart,
  type NoiseScheduleChartProps,
  type NoiseScheduleChartSeries,
  type ScheduleQuantity,
} from './components/NoiseScheduleChart';
export { getGlyph, listGlyphs, glyphSizes, type Glyph, type GlyphInfo } from './data';
export type { DiffusersScheduleConfig, ScheduleSpec } from './components/shared/props/resolveSchedule';
export type { FigureHostProps, FigureLabel } from './components/shared/props/hostProps';
export type { StartWhen } from './hooks/useStartWhen';
export {
  ThemeScope,
  lightTheme,
  darkTheme,
  themeVar,
  cssVarName,
  colorMaps,
  KIT_CSS,
  type ThemeScopeProps,
  type Theme,
  type ThemeToken,
  type ColorMapName,
} from './theme';
export {
  DatasetMap,
  datasetMapPoints,
  datasetMapEntries,
  DATASET_MAP_RADICALS,
  type DatasetMapProps,
  type DatasetMapEntry,
  type DatasetMapRadical,
  type DatasetMapPointsOptions,
} from './components/DatasetMap';
export {
  Button,
  Select,
  Slider,
  NumberField,
  TextField,
  Toggle,
  SegmentedChoice,
  type ButtonProps,
  type SelectProps,
  type SliderProps,
  type NumberFieldProps,
  type TextFieldProps,
  type ToggleProps,
  type SegmentedChoiceProps,
  type SegmentedOption,
} from './components/shared/ui/controls';
