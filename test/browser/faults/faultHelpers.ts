/**
 * Shared by the fault tests of the model path. The faults come from scripts/faultyAssetsPlugin.mjs, which
 * serves the shipped model with a fault put in at /kit-faults/<fault>/<key>/...
 */
export type Fault =
  | 'copy'
  | 'truncate'
  | 'corrupt'
  | 'corrupt-weights'
  | 'inputs'
  | 'shape'
  | 'drop-once'
  | 'drop-always'
  | '503-once'
  | 'slow';

/** The model.json URL of the shipped model served with `fault`; `key` gives each test its own first request. */
export function faultModelUrl(fault: Fault, key: string): string {
  return `/kit-faults/${fault}/${key}/models/glyffuser-mini/model.json`;
}

/** How many requests the fault server has had for a file of that model (e.g. 'unet.onnx'). */
export async function faultRequestCount(fault: Fault, key: string, file: string): Promise<number> {
  const url = `/kit-faults/${fault}/${key}/models/glyffuser-mini/${file}`;
  return (await fetch(`/kit-faults-count?url=${encodeURIComponent(url)}`)).json();
}

/**
 * Records every unhandled promise rejection and uncaught error on the page until `stop()`, which returns them
 * (a fault must end in a message or a recovery, never in one of these).
 */
export function watchUnhandled(): { stop: () => string[] } {
  const seen: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) =>
    seen.push(`unhandledrejection: ${String((event.reason as Error)?.stack ?? event.reason)}`);
  const onError = (event: ErrorEvent) => seen.push(`error: ${event.message}`);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  return {
    stop() {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
      return seen;
    },
  };
}

/** The figure root of a mounted component. */
export const figureOf = (host: HTMLElement) => host.querySelector<HTMLElement>('[role="figure"]')!;

/** The text of the figure's inline message (role=alert), or ''. */
export const alertText = (host: HTMLElement) => host.querySelector('[role="alert"]')?.textContent ?? '';
