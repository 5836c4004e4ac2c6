import { useEffect, useRef } from 'react';
import { useThemeVersion } from '../../../theme/useThemeVersion';
import { drawSampleGrid, type BatchShape } from '../draw/drawSamples';
import { Button } from './controls';

/** Props of {@link SampleZoomDialog}. */
export interface SampleZoomDialogProps {
  /** Display bytes of the whole batch. */
  bytes: Uint8Array;
  /** The batch's shape. */
  shape: BatchShape;
  /** Which image to show, 0-based. */
  index: number;
  /** Accessible name of the grid it came from (the dialog says which image of it this is). */
  gridLabel: string;
  /** Called when the reader closes it (Escape, the Close button, a click on the backdrop). */
  onClose(): void;
}

/** The enlarged side: the largest whole multiple of the image's width up to this many CSS pixels. */
const TARGET = 384;

/**
 * One image of a sample grid, large, in a modal dialog (the native `<dialog>`: focus moves into it and stays,
 * Escape closes it, the page behind is inert); focus returns to the element that opened it.
 */
export function SampleZoomDialog({ bytes, shape, index, gridLabel, onClose }: SampleZoomDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const scale = Math.max(1, Math.floor(TARGET / Math.max(shape.width, shape.height)));
  const which = `Image ${index + 1} of ${shape.count}`;
  const title = `${which}, enlarged`;
  // The accessible name also says which grid it came from: a page may have several (SamplerRace's lanes).
  const name = `${which} from ${gridLabel}, enlarged`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = typeof document !== 'undefined' ? (document.activeElement as HTMLElement | null) : null;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  // Paper and ink are the theme's colours: a theme switch redraws.
  const themeVersion = useThemeVersion();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const per = shape.channels * shape.width * shape.height;
    drawSampleGrid(
      canvas,
      bytes.subarray(index * per, (index + 1) * per),
      { ...shape, count: 1 },
      { cellSize: scale * shape.width, gap: 0 },
    );
  }, [bytes, index, scale, shape.channels, shape.width, shape.height, themeVersion]);

  return (
    // A click on the backdrop closes the dialog as Escape does (onCancel): the keyboard way exists.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/click-events-have-key-events
    <dialog
      ref={dialogRef}
      aria-label={name}
      data-zoom-index={index}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === dialogRef.current) onCloseRef.current();
      }}
      className="dk-model-zoom"
    >
      <div className="dk-model-zoom-body">
        <div className="dk-model-zoom-title">{title}</div>
        <canvas
          className="dk-model-zoom-canvas"
          ref={canvasRef}
          role="img"
          aria-label={`${gridLabel}: image ${index + 1} of ${shape.count}`}
          width={scale * shape.width}
          height={scale * shape.height}
          style={{ width: scale * shape.width, aspectRatio: `${shape.width} / ${shape.height}` }}
        />
        {/* A modal dialog moves focus into itself (WAI-ARIA dialog pattern). */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <Button autoFocus onClick={() => onCloseRef.current()}>
          Close
        </Button>
      </div>
    </dialog>
  );
}
