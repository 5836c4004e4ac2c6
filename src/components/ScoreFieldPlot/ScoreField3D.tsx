import { Canvas, useThree } from '@react-three/fiber';
import { type KeyboardEvent, type MutableRefObject, type PointerEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import type { ColorMap } from '../../theme';
import { themeVar } from '../../theme';
import { colorLut, densityLevels } from './drawScoreField2d';
import type { ScoreFieldBase, ScoreFieldFrame } from './scoreFieldModel';

/**
 * The 3-D view (loaded lazily, so 2-D readers never download three.js): the density of x_t as a surface
 * over the plane, height and colour both showing the density (or log-density), with the score arrows
 * drawn on it. World coordinates: data x -> x / extent, data y -> z = -y / extent, height up to 0.7.
 * Turn it by dragging, or with the arrow keys once focused; + and - zoom. Renders on demand only.
 */

/** Props of the 3-D view. */
export interface ScoreField3DProps {
  base: ScoreFieldBase;
  frame: ScoreFieldFrame;
  densityScale: 'linear' | 'log';
  colorMap: ColorMap;
  showArrows: boolean;
  width: number;
  height: number;
}

const HEIGHT = 0.7;
const TARGET = [0, 0.2, 0] as const;

interface Orbit {
  azimuth: number;
  elevation: number;
  distance: number;
}

type Apply = (orbit: Orbit) => void;

/** Puts the camera on a sphere around the target; the wrapper's handlers call it through a ref. */
function CameraRig({ applyRef, orbit }: { applyRef: MutableRefObject<Apply | null>; orbit: MutableRefObject<Orbit> }) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => {
    const apply: Apply = ({ azimuth, elevation, distance }) => {
      camera.position.set(
        TARGET[0] + distance * Math.cos(elevation) * Math.sin(azimuth),
        TARGET[1] + distance * Math.sin(elevation),
        TARGET[2] + distance * Math.cos(elevation) * Math.cos(azimuth),
      );
      camera.lookAt(TARGET[0], TARGET[1], TARGET[2]);
      invalidate();
    };
    applyRef.current = apply;
    apply(orbit.current);
    return () => {
      applyRef.current = null;
    };
  }, [camera, invalidate, applyRef, orbit]);
  return null;
}

/** Bilinear height of the surface at data (x, y), from the density grid. */
function heightSampler(frame: ScoreFieldFrame, value: (logq: number) => number) {
  const { nx, ny, xMin, xMax, yMax, yMin } = frame.densityGrid;
  return (x: number, y: number) => {
    const gx = Math.min(nx - 1, Math.max(0, ((x - xMin) / (xMax - xMin)) * nx - 0.5));
    const gy = Math.min(ny - 1, Math.max(0, ((yMax - y) / (yMax - yMin)) * ny - 0.5));
    const i = Math.min(nx - 2, Math.floor(gx));
    const j = Math.min(ny - 2, Math.floor(gy));
    const fx = gx - i;
    const fy = gy - j;
    const v = (a: number, b: number) => value(frame.logDensity[b * nx + a]!);
    const top = v(i, j) * (1 - fx) + v(i + 1, j) * fx;
    const bottom = v(i, j + 1) * (1 - fx) + v(i + 1, j + 1) * fx;
    return HEIGHT * (top * (1 - fy) + bottom * fy);
  };
}

function Surface({ frame, densityScale, lut, extent }: { frame: ScoreFieldFrame; densityScale: 'linear' | 'log'; lut: Uint8ClampedArray; extent: number }) {
  const { nx, ny } = frame.densityGrid;
  const invalidate = useThree((s) => s.invalidate);
  // three works in linear light: vertex colours from an sRGB colour map are linearised first.
  const linear = useMemo(() => Float32Array.from(lut, (b) => {
    const c = b / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }), [lut]);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(3 * nx * ny), 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(3 * nx * ny), 3));
    const index: number[] = [];
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const a = j * nx + i;
        index.push(a, a + nx, a + 1, a + 1, a + nx, a + nx + 1);
      }
    }
    g.setIndex(index);
    return g;
  }, [nx, ny]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);
  useLayoutEffect(() => {
    const { value } = densityLevels(frame, densityScale);
    const pos = geometry.getAttribute('position') as BufferAttribute;
    const col = geometry.getAttribute('color') as BufferAttribute;
    const p = pos.array as Float32Array;
    const c = col.array as Float32Array;
    const g = frame.densityGrid;
    for (let j = 0; j < ny; j++) {
      const y = g.yMax - ((j + 0.5) * (g.yMax - g.yMin)) / ny;
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        const x = g.xMin + ((i + 0.5) * (g.xMax - g.xMin)) / nx;
        const v = Math.min(1, value(frame.logDensity[k]!));
        p[3 * k] = x / extent;
        p[3 * k + 1] = HEIGHT * v;
        p[3 * k + 2] = -y / extent;
        const li = 3 * Math.round(v * 255);
        c[3 * k] = linear[li]!;
        c[3 * k + 1] = linear[li + 1]!;
        c[3 * k + 2] = linear[li + 2]!;
      }
    }
    pos.needsUpdate = true;
    col.needsUpdate = true;
    geometry.computeVertexNormals();
    geometry.computeBoundingSphere();
    invalidate();
  }, [frame, densityScale, linear, geometry, nx, ny, extent, invalidate]);
  return (
    <mesh geometry={geometry}>
      <meshLambertMaterial vertexColors side={DoubleSide} />
    </mesh>
  );
}

function Arrows({ frame, densityScale, extent }: { frame: ScoreFieldFrame; densityScale: 'linear' | 'log'; extent: number }) {
  const { nx, ny } = frame.arrowGrid;
  const invalidate = useThree((s) => s.invalidate);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(6 * 3 * nx * ny), 3));
    return g;
  }, [nx, ny]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);
  useLayoutEffect(() => {
    const { value } = densityLevels(frame, densityScale);
    const heightAt = heightSampler(frame, (l) => Math.min(1, value(l)));
    const g = frame.arrowGrid;
    const half = (0.4 * (g.xMax - g.xMin)) / g.nx; // data units
    const pos = geometry.getAttribute('position') as BufferAttribute;
    const p = pos.array as Float32Array;
    p.fill(0);
    let o = 0;
    const put = (x: number, y: number) => {
      p[o++] = x / extent;
      p[o++] = heightAt(x, y) + 0.015;
      p[o++] = -y / extent;
    };
    for (let j = 0; j < ny; j++) {
      const cy = g.yMax - ((j + 0.5) * (g.yMax - g.yMin)) / ny;
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        const sx = frame.scores[2 * k]!;
        const sy = frame.scores[2 * k + 1]!;
        const m = Math.hypot(sx, sy);
        const cx = g.xMin + ((i + 0.5) * (g.xMax - g.xMin)) / nx;
        const ux = m > 0 ? sx / m : 0;
        const uy = m > 0 ? sy / m : 0;
        const tx = cx + ux * half;
        const ty = cy + uy * half;
        const hl = 0.6 * half;
        put(cx - ux * half, cy - uy * half);
        put(tx, ty);
        put(tx, ty);
        put(tx + hl * (-0.866 * ux + 0.5 * uy), ty + hl * (-0.866 * uy - 0.5 * ux));
        put(tx, ty);
        put(tx + hl * (-0.866 * ux - 0.5 * uy), ty + hl * (-0.866 * uy + 0.5 * ux));
      }
    }
    pos.needsUpdate = true;
    geometry.computeBoundingSphere();
    invalidate();
  }, [frame, densityScale, geometry, nx, ny, extent, invalidate]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color="#ffffff" transparent opacity={0.9} />
    </lineSegments>
  );
}

/** The lazily loaded 3-D view (default export, for React.lazy). */
export default function ScoreField3D({ base, frame, densityScale, colorMap, showArrows, width, height }: ScoreField3DProps) {
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);
  const orbit = useRef<Orbit>({ azimuth: 0.6, elevation: 0.6, distance: 3.2 });
  const applyRef = useRef<Apply | null>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const [ready, setReady] = useState(false);

  function turn(dAzimuth: number, dElevation: number, zoom = 1) {
    const o = orbit.current;
    o.azimuth += dAzimuth;
    o.elevation = Math.min(1.5, Math.max(0.05, o.elevation + dElevation));
    o.distance = Math.min(8, Math.max(1.2, o.distance * zoom));
    applyRef.current?.(o);
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    drag.current = { x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    const dx = e.clientX - drag.current.x;
    const dy = e.clientY - drag.current.y;
    drag.current = { x: e.clientX, y: e.clientY };
    turn(-dx * 0.01, dy * 0.01);
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, [number, number, number]> = {
      ArrowLeft: [0.1, 0, 1],
      ArrowRight: [-0.1, 0, 1],
      ArrowUp: [0, 0.08, 1],
      ArrowDown: [0, -0.08, 1],
      '+': [0, 0, 0.9],
      '=': [0, 0, 0.9],
      '-': [0, 0, 1.1],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    turn(m[0], m[1], m[2]);
  }

  return (
    <div
      tabIndex={0}
      role="group"
      aria-roledescription="3-D view"
      aria-label="3-D surface of the density. Drag, or focus and use the arrow keys, to turn it; + and - zoom."
      data-state={ready ? 'ready' : 'loading'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      style={{ width, height, touchAction: 'none', cursor: 'grab', outlineColor: themeVar('accent'), borderRadius: 4 }}
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
