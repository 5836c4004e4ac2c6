import type { FileProgress, ModelInfo } from '../../../engine';

/** Bytes of a model download so far, over every file. `total` is null while some file's size is unknown. */
export function downloadTotals(progress: Readonly<Record<string, FileProgress>>): {
  loaded: number;
  total: number | null;
  files: number;
} {
  let loaded = 0;
  let total: number | null = 0;
  const entries = Object.values(progress);
  for (const p of entries) {
    loaded += p.loaded;
    total = total === null || p.total === null ? null : total + p.total;
  }
  return { loaded, total: entries.length === 0 ? null : total, files: entries.length };
}

/** "812 B", "3.4 kB", "7.9 MB" (decimal units, as browsers show downloads). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '? B';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** What runs the model, for a readout: "WebGPU", "wasm, 2 threads", or a custom runtime's label. */
export function describeDevice(info: Pick<ModelInfo, 'device' | 'threads'>): string {
  if (info.device === 'webgpu') return 'WebGPU';
  if (info.device === 'wasm') return `wasm, ${info.threads} thread${info.threads === 1 ? '' : 's'}`;
  return info.device;
}

/** A load or generation error in words a reader can act on. */
export function describeEngineError(error: Error, phase: 'load' | 'generate'): string {
  const detail = error.message || error.name;
  switch (error.name) {
    case 'ManifestError':
      return `The model's description (model.json) is invalid: ${detail}`;
    case 'ModelLoadError':
      return `The model could not be loaded: ${detail}`;
    case 'DeviceError':
      return `The requested device is not available: ${detail}`;
    case 'EngineWorkerError':
      return `The model's Worker stopped (it may have run out of memory); press Retry to start it again: ${detail}`;
    case 'GenerateOptionsError':
    case 'SchedulerConfigError':
      return `The model cannot generate with these settings: ${detail}`;
    default:
      return phase === 'load' ? `The model could not be loaded: ${detail}` : `Generation failed: ${detail}`;
  }
}

/** The status lines of the phases every model figure shares: not started, loading its model, stopped by an error. */
export const MODEL_PHASE_STATUS = {
  idle: 'Not started',
  loading: 'Loading model\u2026',
  error: 'Stopped by an error',
} as const;
