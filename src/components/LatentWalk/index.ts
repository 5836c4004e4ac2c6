export { checkLatentWalkProps, LatentWalk, MAX_WALK_FRAMES, type LatentWalkProps } from './LatentWalk';
export type { LatentWalkKind } from './LatentWalk.schema';
