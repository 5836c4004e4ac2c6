export { addNoise, noiseTo, forwardMoments, type FloatArray, type NoisedSample } from './addNoise';
export { ForwardNoiseError } from './ForwardNoiseError';
