/**
 * The knobs of the fuzz tests, read from the environment by vitest.config.ts and handed to the tests (in
 * Node and in Chromium alike) with vitest's `provide` / `inject`:
 * - `FUZZ_RUNS`: prop sets per figure (default: each test's CI size, a few hundred); raise it for long runs,
 *   e.g. `FUZZ_RUNS=5000 npx vitest run --project unit test/ssr/fuzz.test.tsx`;
 * - `FUZZ_SEED`: the seed (default fixed, 20260101, so CI runs the same sets every time); a failure prints the
 *   seed and the path to replay it.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** FUZZ_RUNS, or 0 for each test's default. */
    fuzzRuns: number;
    /** FUZZ_SEED, or the fixed CI seed. */
    fuzzSeed: number;
  }
}

export {};
