/** A model manifest (`model.json`) that is missing a field or holds a wrong value; `field` is its path. */
export class ManifestError extends TypeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`model.json: ${field} ${message}`);
    this.name = 'ManifestError';
  }
}

/** A model file that could not be fetched or opened (network error, 404, corrupt ONNX). */
export class ModelLoadError extends Error {
  /** Whether another try may succeed (a dropped connection, a 5xx answer); `fetchBytes` retries these. */
  readonly transient: boolean;
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown; transient?: boolean },
  ) {
    super(`${file}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ModelLoadError';
    this.transient = options?.transient === true;
  }
}

/** A requested device that is unknown or unavailable. */
export class DeviceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceError';
  }
}

/** Generation options out of range; `field` names the option. */
export class GenerateOptionsError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'GenerateOptionsError';
  }
}

/** Thrown (as the reason) when a generation is stopped through its AbortSignal. */
export class GenerationAbortedError extends Error {
  constructor() {
    super('generation aborted');
    this.name = 'AbortError';
  }
}

/** The engine's Worker ended while in use (terminated, crashed, out of memory): start a new one. */
export class EngineWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineWorkerError';
  }
}

/** A `loadModel` option out of range; `field` names the option (e.g. 'cache'). */
export class LoadOptionsError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'LoadOptionsError';
  }
}
