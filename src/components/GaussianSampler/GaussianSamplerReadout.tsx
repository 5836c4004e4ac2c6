import { formatNumber } from '../shared/format/formatNumber';
import type { GaussianSamplerModel } from './useGaussianSampler';

/** Why the estimated variance is smaller on average than the true one (shown as a tooltip). */
export const MLE_VARIANCE_NOTE =
  'Maximum-likelihood variance: (1/n) sum of (x_i - mean_hat)^2. It divides by n, not n - 1, so it is biased: ' +
  'on average (n - 1)/n times the true variance.';

/** Props of {@link GaussianSamplerReadout}. */
export interface GaussianSamplerReadoutProps {
  /** The model whose numbers are shown. */
  model: GaussianSamplerModel;
}

/** The true and estimated mean and variance, side by side. */
export function GaussianSamplerReadout({ model }: GaussianSamplerReadoutProps) {
  const { truth, fit, shown } = model;
  const f = (v: number | undefined) => (v === undefined ? '\u2013' : formatNumber(v, 3));
  return (
    <table data-part="readout" className="dk-gaussian-sampler-readout">
      <thead>
        <tr>
          <th scope="col">
            <span className="dk-visually-hidden">parameters</span>
          </th>
          <th scope="col">mean</th>
          <th scope="col">variance</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">true</th>
          <td data-value="true-mean">{f(truth.mean)}</td>
          <td data-value="true-variance">{f(truth.variance)}</td>
        </tr>
        <tr>
          <th scope="row">MLE (n = {shown})</th>
          <td data-value="mle-mean">{f(fit?.mean)}</td>
          <td data-value="mle-variance">
            <abbr title={MLE_VARIANCE_NOTE}>{f(fit?.variance)}</abbr>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
