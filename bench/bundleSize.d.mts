/** Types of bench/bundleSize.mjs, for the TypeScript tests that use it. */
export declare const HEAVY: readonly ['onnxruntime-web', 'three', '@react-three/fiber'];
export type HeavyLibrary = (typeof HEAVY)[number];

/** The built package measured: `dist/`, or the folder given as BUNDLE_DIST. */
export declare const distDir: string;

/** What importing one export costs a consumer. */
export interface ImportCost {
  name: string;
  /** Initial JavaScript (everything loaded statically), gzip, KiB. */
  initialGzipKiB: number;
  /** The same, uncompressed, KiB. */
  initialRawKiB: number;
  /** Heavy libraries in the initial JavaScript. */
  staticHeavy: HeavyLibrary[];
  /** Heavy libraries only behind an import() that survives tree shaking. */
  lazyHeavy: HeavyLibrary[];
  /** Worker files that the code can start (relative to the repository root). */
  workers: string[];
  /** Heavy libraries reached inside those Workers. */
  workerHeavy: HeavyLibrary[];
}

export declare function measureImport(name: string, entry?: string): Promise<ImportCost>;
export declare function formatTable(rows: readonly ImportCost[]): string;

/** The most initial JavaScript (gzip, KiB) that importing each named export may cost. */
export declare const TARGETS: Readonly<Record<string, number>>;
/** One line per target among the rows, e.g. `KIT_VERSION 0.3 KiB (limit 2): ok`. */
export declare function formatTargets(rows: readonly ImportCost[]): string;
/** The names of the rows over their target. */
export declare function overTargets(rows: readonly ImportCost[]): string[];
