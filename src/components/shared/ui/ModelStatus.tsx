import type { EngineState } from '../../../hooks/sharedEngine';
import { describeDevice, downloadTotals, formatBytes } from '../generation/engineStatus';
import { ProgressBar } from './ProgressBar';

/** Props of {@link ModelStatus}. */
export interface ModelStatusProps {
  /** The shared engine's state (from `useSharedEngine`). */
  state: EngineState;
}

/**
 * Where the model stands: a download bar (bytes) while it loads, then its name and what runs it (WebGPU, or
 * wasm and its thread count, with the reason as a tooltip). Errors are shown by the figure, not here.
 */
export function ModelStatus({ state }: ModelStatusProps) {
  if (state.status === 'ready' && state.info) {
    const { info } = state;
    const why = `${info.deviceReason}${info.device === 'wasm' ? `; ${info.threadsReason}` : ''}`;
    return (
      <div className="dk-model-info" data-device={info.device} data-threads={info.threads}>
        Model {info.manifest.name} on <abbr title={why}>{describeDevice(info)}</abbr>
      </div>
    );
  }
  if (state.status === 'error') return null;
  const { loaded, total } = downloadTotals(state.progress);
  const files = Object.values(state.progress);
  // Read from the browser's model cache: no download (the engine reports it per file).
  const cached = files.length > 0 && files.every((p) => p.fromCache) ? ' from cache' : '';
  const text =
    loaded === 0
      ? 'starting'
      : `${total ? `${formatBytes(loaded)} of ${formatBytes(total)}` : formatBytes(loaded)}${cached}`;
  return <ProgressBar label="Loading model" value={loaded} max={total} text={text} />;
}
