import { ManifestError } from './errors';

/** What a file's bytes must be: its length and its SHA-256 (lowercase hex), each when known. */
export interface FileIdentity {
  bytes?: number;
  sha256?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The files a manifest vouches for: its optional `files` map, `{ "unet.onnx": { "bytes": 4526474, "sha256": "…" } }`
 * (what training/export.py writes). Other keys of an entry (e.g. `fp16_initializers`) are carried along unread;
 * a `bytes` or `sha256` that is present must be well formed (a ManifestError names it).
 */
export function declaredFiles(manifest: Record<string, unknown>): Record<string, FileIdentity> {
  const files = manifest.files;
  if (files === undefined) return {};
  if (typeof files !== 'object' || files === null || Array.isArray(files))
    throw new ManifestError('files', 'must be an object of file name to { bytes, sha256 }.');
  const out: Record<string, FileIdentity> = {};
  for (const [name, entry] of Object.entries(files as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new ManifestError(`files.${name}`, 'must be an object with bytes and/or sha256.');
    const { bytes, sha256 } = entry as Record<string, unknown>;
    const id: FileIdentity = {};
    if (bytes !== undefined) {
      if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) {
        throw new ManifestError(
          `files.${name}.bytes`,
          `must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}; got ${JSON.stringify(bytes)}.`,
        );
      }
      id.bytes = bytes;
    }
    if (sha256 !== undefined) {
      if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256.toLowerCase())) {
        throw new ManifestError(
          `files.${name}.sha256`,
          `must be 64 hexadecimal digits (a SHA-256); got ${JSON.stringify(sha256)}.`,
        );
      }
      id.sha256 = sha256.toLowerCase();
    }
    out[name] = id;
  }
  return out;
}

/** SHA-256 of some bytes as lowercase hex (SubtleCrypto); null where SubtleCrypto is absent (insecure origins). */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Checks bytes against what they must be; returns what is wrong in words, or null when they match. `sha256`
 * is the digest already computed of `bytes`, if any (so a caller that stores it hashes once).
 */
export async function integrityProblem(
  bytes: Uint8Array,
  expected: FileIdentity,
  sha256?: string | null,
): Promise<string | null> {
  if (expected.bytes !== undefined && bytes.length !== expected.bytes)
    return `has ${bytes.length} bytes; expected ${expected.bytes}`;
  if (expected.sha256 === undefined) return null;
  const actual = sha256 ?? (await sha256Hex(bytes));
  if (actual !== null && actual !== expected.sha256) return `has SHA-256 ${actual}; expected ${expected.sha256}`;
  return null;
}
