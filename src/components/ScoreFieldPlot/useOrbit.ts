import { useThree } from '@react-three/fiber';
import { type MutableRefObject, type PointerEvent, useLayoutEffect, useRef } from 'react';
import { useGridCursor } from '../../hooks/useGridCursor';

/** Where the camera of the 3-D view is: angles in radians around the target, and its distance from it. */
export interface Orbit {
  azimuth: number;
  elevation: number;
  distance: number;
}

/** The point the camera looks at, a little above the plane. */
export const ORBIT_TARGET = [0, 0.2, 0] as const;

/** The orbit the view starts from. */
export const INITIAL_ORBIT: Readonly<Orbit> = { azimuth: 0.6, elevation: 0.6, distance: 3.2 };

/** The camera's position on an orbit around {@link ORBIT_TARGET}. */
export function orbitPosition({ azimuth, elevation, distance }: Orbit): [number, number, number] {
  return [
    ORBIT_TARGET[0] + distance * Math.cos(elevation) * Math.sin(azimuth),
    ORBIT_TARGET[1] + distance * Math.sin(elevation),
    ORBIT_TARGET[2] + distance * Math.cos(elevation) * Math.cos(azimuth),
  ];
}

/**
 * An orbit turned by the two angles and zoomed by a factor, kept above the plane (0.05 to 1.5 rad) and 1.2 to 8 away.
 */
export function turnOrbit(o: Orbit, dAzimuth: number, dElevation: number, zoom = 1): Orbit {
  return {
    azimuth: o.azimuth + dAzimuth,
    elevation: Math.min(1.5, Math.max(0.05, o.elevation + dElevation)),
    distance: Math.min(8, Math.max(1.2, o.distance * zoom)),
  };
}

/** Turns per arrow key (radians of azimuth, of elevation) and per pixel dragged. */
const KEY_AZIMUTH = 0.1;
const KEY_ELEVATION = 0.08;
const DRAG = 0.01;

type Apply = (orbit: Orbit) => void;

/** Puts the camera on the orbit (inside the Canvas); the orbit's handlers call it through `applyRef`. */
export function CameraRig({
  applyRef,
  orbit,
}: {
  applyRef: MutableRefObject<Apply | null>;
  orbit: MutableRefObject<Orbit>;
}) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => {
    const apply: Apply = (o) => {
      camera.position.set(...orbitPosition(o));
      camera.lookAt(ORBIT_TARGET[0], ORBIT_TARGET[1], ORBIT_TARGET[2]);
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

/**
 * The orbit of the 3-D view's camera, turned by dragging, or by the arrow keys once the view has focus
 * (its keyboard cursor); + and - zoom. The orbit lives in a ref and moves the camera directly, so turning
 * never re-renders the scene. Give `orbit` and `applyRef` to a {@link CameraRig} and spread `handlers` on
 * the focusable element around the Canvas.
 */
export function useOrbit() {
  const orbit = useRef<Orbit>({ ...INITIAL_ORBIT });
  const applyRef = useRef<Apply | null>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const setOrbit = (next: Orbit | null) => {
    if (!next) return;
    orbit.current = next;
    applyRef.current?.(next);
  };
  const zoom = (factor: number) => (o: Orbit | null) => {
    setOrbit(o && turnOrbit(o, 0, 0, factor));
    return true;
  };
  const keyboard = useGridCursor<Orbit>({
    store: { get: () => orbit.current, set: setOrbit },
    move: (o, move) =>
      o && move.type === 'step' ? turnOrbit(o, -KEY_AZIMUTH * move.dx, -KEY_ELEVATION * move.dy) : null,
    keys: { '+': zoom(0.9), '=': zoom(0.9), '-': zoom(1.1) },
  });
  const endDrag = () => {
    drag.current = null;
  };
  return {
    orbit,
    applyRef,
    handlers: {
      onPointerDown(e: PointerEvent<HTMLDivElement>) {
        drag.current = { x: e.clientX, y: e.clientY };
        e.currentTarget.setPointerCapture?.(e.pointerId);
      },
      onPointerMove(e: PointerEvent<HTMLDivElement>) {
        if (!drag.current) return;
        const dx = e.clientX - drag.current.x;
        const dy = e.clientY - drag.current.y;
        drag.current = { x: e.clientX, y: e.clientY };
        setOrbit(turnOrbit(orbit.current, -dx * DRAG, dy * DRAG));
      },
      onPointerUp: endDrag,
      onPointerCancel: endDrag,
      onKeyDown: keyboard.onKeyDown,
    },
  };
}
