import { Canvas, useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useState } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import type { ColorMap } from '../../theme';
import { colorLut, linearLut } from '../../theme/colorMaps';
import type { ScoreFieldBase, ScoreFieldFrame } from './scoreFieldModel';
import { ARROW_VERTICES, fillArrows, fillSurface, surfaceIndex } from './surfaceGeometry';
import { CameraRig, useOrbit } from './useOrbit';

/**
 * The 3-D view (loaded lazily, so 2-D readers never download three.js): the density of x_t as a surface
 * over the plane, height and colour both showing the density (or log-density), with the score arrows
 * drawn on it (the geometry: `surfaceGeometry.ts`). Turn it by dragging, or with the arrow keys once
 * focused; + and - zoom (`useOrbit.ts`). Renders on demand only.
 */

/** Props of the 3-D view. */
export interface ScoreField3DProps {
  base: ScoreFieldBase;
  frame: ScoreFieldFrame;
  densityScale: 'linear' | 'log';
  colorMap: ColorMap;
  showArrows: boolean;
  /** The view's size in CSS pixels, at most: it shrinks to a narrower container, in proportion. */
  width: number;
  height: number;
}

/** A geometry of `vertices` vertices, each with the named attributes of 3 floats, and optional triangles. */
function makeGeometry(vertices: number, attributes: string[], index?: number[]): BufferGeometry {
  const g = new BufferGeometry();
  for (const name of attributes) g.setAttribute(name, new BufferAttribute(new Float32Array(3 * vertices), 3));
  if (index) g.setIndex(index);
  return g;
}

/** The float array of an attribute, to fill. */
const floats = (geometry: BufferGeometry, name: string) =>
  (geometry.getAttribute(name) as BufferAttribute).array as Float32Array;

/**
 * After filling: marks the attributes changed, refreshes the normals (of a surface) and bounds, and asks for a frame.
 */
function updated(geometry: BufferGeometry, names: string[], normals: boolean, invalidate: () => void): void {
  for (const name of names) geometry.getAttribute(name).needsUpdate = true;
  if (normals) geometry.computeVertexNormals();
  geometry.computeBoundingSphere();
  invalidate();
}

function Surface({
  frame,
  densityScale,
  lut,
  extent,
}: {
  frame: ScoreFieldFrame;
  densityScale: 'linear' | 'log';
  lut: Uint8ClampedArray;
  extent: number;
}) {
  const { nx, ny } = frame.densityGrid;
  const invalidate = useThree((s) => s.invalidate);
  // three works in linear light: vertex colours from an sRGB colour map are linearised first.
  const linear = useMemo(() => linearLut(lut), [lut]);
  const geometry = useMemo(() => makeGeometry(nx * ny, ['position', 'color'], surfaceIndex(nx, ny)), [nx, ny]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);
  useLayoutEffect(() => {
    fillSurface(floats(geometry, 'position'), floats(geometry, 'color'), frame, densityScale, linear, extent);
    updated(geometry, ['position', 'color'], true, invalidate);
  }, [frame, densityScale, linear, geometry, nx, ny, extent, invalidate]);
  return (
    <mesh geometry={geometry}>
      <meshLambertMaterial vertexColors side={DoubleSide} />
    </mesh>
  );
}

function Arrows({
  frame,
  densityScale,
  extent,
}: {
  frame: ScoreFieldFrame;
  densityScale: 'linear' | 'log';
  extent: number;
}) {
  const { nx, ny } = frame.arrowGrid;
  const invalidate = useThree((s) => s.invalidate);
  const geometry = useMemo(() => makeGeometry(ARROW_VERTICES * nx * ny, ['position']), [nx, ny]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);
  useLayoutEffect(() => {
    fillArrows(floats(geometry, 'position'), frame, densityScale, extent);
    updated(geometry, ['position'], false, invalidate);
  }, [frame, densityScale, geometry, nx, ny, extent, invalidate]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color="#ffffff" transparent opacity={0.9} />
    </lineSegments>
  );
}

/** The lazily loaded 3-D view (default export, for React.lazy). */
export default function ScoreField3D({
  base,
  frame,
  densityScale,
  colorMap,
  showArrows,
  width,
  height,
}: ScoreField3DProps) {
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);
  const { orbit, applyRef, handlers } = useOrbit();
  const [ready, setReady] = useState(false);
  return (
    <div
      // The view turns with the arrow keys, so it takes focus.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="group"
      aria-roledescription="3-D view"
      aria-label="3-D surface of the density. Drag, or focus and use the arrow keys, to turn it; + and - zoom."
      data-state={ready ? 'ready' : 'loading'}
      {...handlers}
      className="dk-score-field-3d"
      // As wide as the container allows, at most \`width\`, in the plot's proportions: the canvas follows its box.
      style={{ maxWidth: width, aspectRatio: `${width} / ${height}` }}
    >
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        camera={{ fov: 40, near: 0.05, far: 50, position: [0, 2, 3] }}
        gl={{ antialias: true, alpha: true }}
        onCreated={() => setReady(true)}
      >
        <ambientLight intensity={1.6} />
        <directionalLight position={[2, 4, 3]} intensity={1.4} />
        <CameraRig applyRef={applyRef} orbit={orbit} />
        <Surface frame={frame} densityScale={densityScale} lut={lut} extent={base.extent} />
        {showArrows ? <Arrows frame={frame} densityScale={densityScale} extent={base.extent} /> : null}
      </Canvas>
    </div>
  );
}
