/**
 * The likely fix for a model file that could not be fetched, in one sentence for the error message: what a
 * site author most often got wrong for that answer (a base path, a file not served, CORS on an isolated page).
 */
export function loadHint(url: string, status: number | null): string {
  const page = typeof location !== 'undefined' ? location : null;
  let crossOrigin = false;
  try {
    crossOrigin = page !== null && new URL(url, page.href).origin !== page.origin;
  } catch {
    crossOrigin = false;
  }
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (status === 404 || status === 410) {
    return (
      'Is the file served at that URL? With the shipped model your bundler emits the files itself (no copy step); ' +
      "a URL you give (the `model` prop, configure({ modelUrl }) or configure({ assetBase })) must include the site's base path " +
      "(e.g. '/docs/...' under Docusaurus baseUrl '/docs/')."
    );
  }
  if (status === 401 || status === 403) return 'The server refused the file: check its access rules for this page.';
  if (status !== null) return '';
  if (crossOrigin && isolated) {
    return (
      'The file is on another origin and this page is cross-origin isolated: that server must send CORS headers ' +
      '(Access-Control-Allow-Origin) and Cross-Origin-Resource-Policy: cross-origin, and connect-src must allow it in a CSP.'
    );
  }
  if (crossOrigin)
    return 'The file is on another origin: that server must send CORS headers (Access-Control-Allow-Origin), and a CSP connect-src must allow it.';
  return 'Check the network and that the URL is right.';
}
