export { GaussianSampler, type GaussianSamplerProps } from './GaussianSampler';
export { useGaussianSampler, type GaussianSamplerModel, type GaussianSamplerParams } from './useGaussianSampler';
