export type { Rng } from './Rng';
export { createRng, SeedError } from './createRng';
export { randn, randn64, rand } from './randn';
export { deterministicLog } from './deterministicLog';
