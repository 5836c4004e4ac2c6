/**
 * Saving what a figure shows as a PNG file: the canvases are laid side by side on one canvas, encoded with
 * `canvas.toBlob`, and offered through a temporary download link. Browser only; call from an event handler.
 */

/** Lays canvases side by side (top-aligned, `gapPx` apart) on a new canvas of the given paper colour. */
export function composeCanvases(
  canvases: readonly HTMLCanvasElement[],
  gapPx = 8,
  paper = '#ffffff',
): HTMLCanvasElement {
  if (canvases.length === 1) return canvases[0]!;
  const out = document.createElement('canvas');
  out.width = canvases.reduce((w, c) => w + c.width, 0) + gapPx * Math.max(0, canvases.length - 1);
  out.height = Math.max(1, ...canvases.map((c) => c.height));
  const ctx = out.getContext('2d');
  if (!ctx) return out;
  ctx.fillStyle = paper;
  ctx.fillRect(0, 0, out.width, out.height);
  let x = 0;
  for (const c of canvases) {
    ctx.drawImage(c, x, 0);
    x += c.width + gapPx;
  }
  return out;
}

/** The canvas as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG.'))),
      'image/png',
    ),
  );
}

/** Offers a blob as a file download through a temporary link; returns the blob. */
export function downloadBlob(blob: Blob, filename: string): Blob {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob;
}

/** Saves canvases (side by side) as one PNG file. */
export async function saveCanvasesAsPng(
  canvases: readonly HTMLCanvasElement[],
  filename: string,
  paper?: string,
): Promise<Blob> {
  return downloadBlob(await canvasToPng(composeCanvases(canvases, 8, paper)), filename);
}
