import { useMemo, useState } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { FieldHoverReadout } from '../ScoreFieldPlot/FieldPlanePlot';
import { formatSignificant } from '../shared/format/formatNumber';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  type FigureRootBase,
  FigureCaption,
  FigureDescription,
  FigureRoot,
  InvalidFigure,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { type GuidanceFieldLayers, describeGuidanceField, guidanceFieldLabel } from './describeGuidanceField';
import type { GuidanceFieldProps } from './GuidanceField.props';
import { guidanceFieldSchema, initialGuidanceFieldLayers } from './GuidanceField.schema';
import { GuidanceFieldControls } from './GuidanceFieldControls';
import { type GuidanceFieldHover, GuidanceFieldPlot } from './GuidanceFieldPlot';
import { useGuidanceField } from './useGuidanceField';

export type { GuidanceFieldProps };
export { initialGuidanceFieldLayers };

/**
 * The validation layer of {@link GuidanceField}: every prop checked on a sanitised copy (see its schema), `t`
 * against the schedule and `classIndex` against the data; the work limits are the model's to check. Never throws.
 */
export function checkGuidanceFieldProps(props: GuidanceFieldProps) {
  return checkFigureProps(guidanceFieldSchema, props);
}

type GuidanceFieldSettings = SchemaSettings<typeof guidanceFieldSchema>;

const sameLayers = (a: GuidanceFieldLayers, b: GuidanceFieldLayers) =>
  a.score === b.score && a.contours === b.contours && a.trajectories === b.trajectories && a.reference === b.reference;

/**
 * Classifier-free guidance, exactly, in 2-D. The data is a labelled gaussian mixture, so p_t(x), each class's
 * p_t(x | y) and their scores are known in closed form at every t. The arrows are the guided score
 * grad log p_t(x) + w (grad log p_t(x | y) - grad log p_t(x)) that a sampler with a perfect network follows, and
 * the paths are its probability-flow ODE from the same noise for every w: at w = 1 they land on the class, and
 * as w grows they overshoot it, away from the other classes, into the class's far tail.
 */
export const GuidanceField = /* @__PURE__ */ checkedFigure(
  // No role or name on the error root, as on ScoreFieldPlot's: the figure gives its root the role with its name.
  {
    component: 'GuidanceField',
    ownClass: 'dk-guidance-field',
    check: checkGuidanceFieldProps,
    // At most the plot's width; never wider than its container (the kit's stylesheet), the plot shrinking with it.
    style: (s) => ({ width: s?.width }),
    role: null,
  },
  GuidanceFieldFigure,
);

/** The figure itself, rendered only with valid props. */
function GuidanceFieldFigure({ root, settings }: { root: FigureRootBase; settings: GuidanceFieldSettings }) {
  const {
    data,
    schedule,
    seed,
    trajectoryCount,
    trajectorySteps,
    gridSize,
    densityResolution,
    extent,
    width,
    height,
    colorMap,
    showControls,
    label,
  } = settings;
  const ids = useFigureIds();
  const [t, setT] = usePropState(settings.t);
  const [classIndex, setClass] = usePropState(settings.classIndex);
  const [w, setW] = usePropState(settings.guidanceScale);
  const [density, setDensity] = usePropState(settings.density);
  const show = settings.show;
  const initialLayers = useMemo(
    () => initialGuidanceFieldLayers(show),
    [show.score, show.contours, show.trajectories, show.reference],
  );
  const [layers, setLayers] = usePropState(initialLayers, { same: sameLayers });
  const [hover, setHover] = useState<GuidanceFieldHover | null>(null);

  const model = useGuidanceField(
    {
      data,
      schedule,
      seed,
      trajectoryCount: layers.trajectories ? trajectoryCount : 0,
      trajectorySteps,
      gridSize,
      densityResolution,
      density,
      reference: layers.reference,
      extent,
    },
    { t, classIndex, guidanceScale: w },
  );
  if (model.problem || !model.ready) {
    return (
      <InvalidFigure {...root} component="GuidanceField" problem={model.problem ?? 'could not compute the figure.'} />
    );
  }
  const { base, frame, guided, paths, reference, heads, scheduleName } = model.ready;
  const classes = base.data.mixture.classes;
  const description = describeGuidanceField(base, frame, guided, layers, paths, reference, scheduleName);
  const named =
    label !== undefined ? { 'aria-labelledby': ids.label } : { 'aria-label': guidanceFieldLabel(base, frame, w) };
  const change =
    <T,>(set: (v: T) => void, notify: ((v: T) => void) | undefined) =>
    (v: T) => {
      set(v);
      notify?.(v);
    };

  return (
    <FigureRoot
      {...root}
      role="figure"
      {...named}
      aria-describedby={ids.description}
      state="ready"
      data-t={frame.t}
      data-class={frame.classIndex}
      data-guidance={w}
      data-density={density}
    >
      {label !== undefined ? <FigureCaption id={ids.label}>{label}</FigureCaption> : null}
      <GuidanceFieldPlot
        extent={base.extent}
        classMean={[base.classMeans[2 * frame.classIndex]!, base.classMeans[2 * frame.classIndex + 1]!]}
        frame={frame}
        guided={guided}
        paths={paths}
        reference={reference}
        heads={heads}
        layers={layers}
        colorMap={colorMap}
        width={width}
        height={height}
        onHover={setHover}
        hover={hover}
      />
      <FieldHoverReadout>
        {hover
          ? `x = ${hover.x.toFixed(2)}, y = ${hover.y.toFixed(2)} · log p(x) = ${formatSignificant(hover.logDensity)} · p(y | x) = ${formatSignificant(hover.classProbability)} · guided score = (${formatSignificant(hover.scoreX)}, ${formatSignificant(hover.scoreY)})`
          : paths
            ? `w = ${formatSignificant(w)}: ${Math.round(100 * paths.inClass)}% of ${paths.trajectories.count} ends in '${classes[classIndex]!.label}', their centre ${formatSignificant(paths.shift)} from its mean` +
              (reference && w !== 1
                ? ` (w = 1: ${Math.round(100 * reference.inClass)}%, ${formatSignificant(reference.shift)})`
                : '')
            : 'Point at the plot to read the density, the class probability and the guided score there.'}
      </FieldHoverReadout>
      {paths ? (
        <div data-part="legend" className="dk-caption">
          + the class's mean · × the centre of the end points · ■ end points at w = {formatSignificant(w)}
          {reference && w !== 1 ? ' · ○ end points at w = 1, dashed to where guidance moves them' : ''}
        </div>
      ) : null}
      {showControls ? (
        <GuidanceFieldControls
          classLabels={classes.map((c) => c.label)}
          classIndex={classIndex}
          onClass={change(setClass, settings.onClassChange)}
          guidanceScale={w}
          onGuidanceScale={change(setW, settings.onGuidanceScaleChange)}
          t={frame.t}
          numTrainTimesteps={base.alphasCumprod.length}
          alphaBar={frame.alphaBar}
          onT={change(setT, settings.onTChange)}
          density={density}
          onDensity={setDensity}
          layers={layers}
          onLayers={setLayers}
        />
      ) : null}
      <FigureDescription id={ids.description} part="description">
        {description}
      </FigureDescription>
    </FigureRoot>
  );
}
