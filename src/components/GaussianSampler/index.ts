export { GaussianSampler, type GaussianSamplerProps } from './GaussianSampler';
