import { themeVar } from '../../theme/theme';
import { formatNumber } from '../shared/format/formatNumber';
import { visuallyHidden } from '../shared/ui/visuallyHidden';
import type { GaussianSamplerModel } from './useGaussianSampler';

/** Why the estimated variance is smaller on average than the true one (shown as a tooltip). */
export const MLE_VARIANCE_NOTE =
  'Maximum-likelihood variance: (1/n) sum of (x_i - mean_hat)^2. It divides by n, not n - 1, so it is biased: ' +
  'on average (n - 1)/n times the true variance.';

const cell = { padding: '2px 10px 2px 0', textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' };

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
    <table data-part="readout" style={{ borderCollapse: 'collapse', fontSize: 13, color: themeVar('text') }}>
      <thead>
        <tr>
          <th scope="col" style={{ ...cell, textAlign: 'left' }}>
            <span style={visuallyHidden}>parameters</span>
          </th>
          <th scope="col" style={cell}>
            mean
          </th>
          <th scope="col" style={cell}>
            variance
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 500 }}>
            true
          </th>
          <td style={cell} data-value="true-mean">
            {f(truth.mean)}
          </td>
          <td style={cell} data-value="true-variance">
            {f(truth.variance)}
          </td>
        </tr>
        <tr>
          <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 500 }}>
            MLE (n = {shown})
          </th>
          <td style={cell} data-value="mle-mean">
            {f(fit?.mean)}
          </td>
          <td style={cell} data-value="mle-variance">
            <abbr title={MLE_VARIANCE_NOTE} style={{ textDecoration: 'underline dotted', cursor: 'help' }}>
              {f(fit?.variance)}
            </abbr>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
