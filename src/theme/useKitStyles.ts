import { useInsertionEffect } from 'react';
import { KIT_CSS } from './kitCss';

/**
 * Puts the kit's stylesheet ({@link KIT_CSS}) into the page once, before the first figure paints: as a constructed
 * stylesheet in `document.adoptedStyleSheets`, which a Content-Security-Policy without `'unsafe-inline'` allows
 * (it is no inline `<style>`). A page that imports `diffusion-kit/styles.css` has the same rules already; adopting
 * them again changes nothing. Nothing happens on the server.
 */
export function useKitStyles(): void {
  useInsertionEffect(() => {
    if (typeof document !== 'undefined') adoptKitStyles(document);
  }, []);
}

const adopted = new WeakMap<Document, CSSStyleSheet>();

/** Adopts the kit's stylesheet into `doc`, once; a browser without constructed stylesheets gets nothing. */
export function adoptKitStyles(doc: Document): void {
  if (adopted.has(doc) || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  const view = doc.defaultView;
  const Sheet = (view as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null)?.CSSStyleSheet ?? CSSStyleSheet;
  try {
    const sheet = new Sheet();
    sheet.replaceSync(KIT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    adopted.set(doc, sheet);
  } catch {
    // A browser that cannot construct or adopt the sheet keeps the controls' native look; the figures still work.
  }
}
