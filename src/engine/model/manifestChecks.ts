import { ManifestError } from './errors';

/** A value at a dotted path of a JSON object ('unet.inputs.sample'), or undefined. */
function at(root: Record<string, unknown>, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Typed reads of a parsed `model.json` by dotted path; each failure is a ManifestError naming the path. */
export function manifestChecks(root: Record<string, unknown>) {
  const get = (path: string) => at(root, path);
  const has = (path: string) => get(path) !== undefined && get(path) !== null;
  const need = (path: string): unknown => {
    if (!has(path)) throw new ManifestError(path, 'is missing.');
    return get(path);
  };
  return {
    get,
    has,
    need,
    str(path: string): string {
      const v = need(path);
      if (typeof v !== 'string' || v.length === 0)
        throw new ManifestError(path, `must be a non-empty string; got ${JSON.stringify(v)}.`);
      return v;
    },
    int(path: string, min: number, max: number): number {
      const v = need(path);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        throw new ManifestError(path, `must be an integer from ${min} to ${max}; got ${JSON.stringify(v)}.`);
      }
      return v;
    },
    num(path: string): number {
      const v = need(path);
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new ManifestError(path, `must be a finite number; got ${JSON.stringify(v)}.`);
      return v;
    },
    oneOf<T extends string>(path: string, values: readonly T[]): T {
      const v = need(path);
      if (!values.includes(v as T))
        throw new ManifestError(
          path,
          `must be one of ${values.map((x) => `'${x}'`).join(', ')}; got ${JSON.stringify(v)}.`,
        );
      return v as T;
    },
    section(path: string): Record<string, unknown> {
      const v = need(path);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ManifestError(path, 'must be an object.');
      return v as Record<string, unknown>;
    },
  };
}
