'use client';
/**
 * diffusion-kit/three: ScoreFieldPlot with its 3-D view (`view="3d"`), for sites that install the optional peers
 * three and @react-three/fiber. The root entry's ScoreFieldPlot is the same figure without the 3-D renderer, so a
 * site that never shows the 3-D view builds without three in every bundler.
 */
import { forwardRef, lazy } from 'react';
import {
  ScoreFieldPlot as ScoreFieldPlot2D,
  type ScoreFieldPlotProps,
} from './components/ScoreFieldPlot/ScoreFieldPlot';
import { Scene3DContext } from './components/ScoreFieldPlot/scene3dContext';

// three.js and @react-three/fiber load only when a reader asks for the 3-D view.
const ScoreField3D = /* @__PURE__ */ lazy(() => import('./components/ScoreFieldPlot/ScoreField3D'));

/** ScoreFieldPlot, its 3-D view included (three.js and @react-three/fiber load when the view is first shown). */
export const ScoreFieldPlot = /* @__PURE__ */ forwardRef<HTMLDivElement, ScoreFieldPlotProps>(
  function ScoreFieldPlot(props, ref) {
    return (
      <Scene3DContext.Provider value={ScoreField3D}>
        <ScoreFieldPlot2D {...props} ref={ref} />
      </Scene3DContext.Provider>
    );
  },
);

export type { ScoreFieldPlotProps };
export type { ScoreFieldData } from './components/ScoreFieldPlot/scoreFieldData';
export type { ScoreFieldLayers } from './components/ScoreFieldPlot/describeScoreField';
