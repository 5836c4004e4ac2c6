/** Thrown when forward-noising arguments are out of range; `field` names the offending argument. */
export class ForwardNoiseError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ForwardNoiseError';
  }
}
