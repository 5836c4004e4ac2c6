import {
  DeviceError,
  EngineWorkerError,
  GenerateOptionsError,
  GenerationAbortedError,
  LoadOptionsError,
  ManifestError,
  ModelLoadError,
} from '../model/errors';
import { ConditioningError } from '../model/conditioning';
import { SchedulerConfigError } from '../schedules/SchedulerConfigError';
import type { SerializedError } from './protocol';

/** Turns any thrown value into plain data that survives structured cloning. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const field =
      (error as { field?: unknown; key?: unknown; file?: unknown }).field ??
      (error as { key?: unknown }).key ??
      (error as { file?: unknown }).file;
    return { name: error.name, message: error.message, ...(typeof field === 'string' ? { field } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** Rebuilds an error of the engine's own class on the page side, keeping name, message and field. */
export function deserializeError(data: SerializedError): Error {
  let error: Error;
  switch (data.name) {
    case 'ManifestError':
      error = new ManifestError(data.field ?? '', '');
      break;
    case 'ModelLoadError':
      error = new ModelLoadError(data.field ?? '', '');
      break;
    case 'DeviceError':
      error = new DeviceError('');
      break;
    case 'LoadOptionsError':
      error = new LoadOptionsError(data.field ?? '', '');
      break;
    case 'GenerateOptionsError':
      error = new GenerateOptionsError(data.field ?? '', '');
      break;
    case 'EngineWorkerError':
      error = new EngineWorkerError('');
      break;
    case 'ConditioningError':
      error = new ConditioningError(data.field ?? '', '');
      break;
    case 'AbortError':
      error = new GenerationAbortedError();
      break;
    case 'SchedulerConfigError':
      error = new SchedulerConfigError(data.field ?? '', [], undefined, '');
      break;
    default:
      error = new Error('');
  }
  error.message = data.message;
  error.name = data.name;
  return error;
}
