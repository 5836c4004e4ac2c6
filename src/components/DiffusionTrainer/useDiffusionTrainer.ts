import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type NoisePredictor,
  type TrainingConfig,
  type TrainingProgress,
  type TrainingSession,
  createNoiseTrainer,
  createTrainingSession,
  noisePredictorFromParams,
} from '../../engine/internal';

/**
 * The model of a DiffusionTrainer: a training session (a Worker, or main-thread slices where there is none)
 * started in an effect, so a server render does nothing but show the untrained network; the progress it
 * reports (step, status, every step's loss, the latest weights); and play, pause and reset.
 */

/** What a run trains: the data, the schedule, the seed and the hyperparameters. */
export interface TrainerRunOptions {
  /** The training set, [x, y] pairs. */
  points: Float64Array;
  /** abar_t of the schedule. */
  alphasCumprod: Float64Array;
  seed: number;
  maxSteps: number;
  batchSize: number;
  learningRate: number;
  hiddenWidth: number;
  hiddenLayers: number;
  /** Start training as soon as the figure mounts (and again after the data or a setting changes). */
  autoStart: boolean;
  /** Called after each progress report with the step and the mean loss of the steps since the last report. */
  onProgress?: (step: number, loss: number) => void;
}

/** The state of training as the figure draws it. */
export interface TrainerState {
  /** Optimiser steps taken. */
  step: number;
  maxSteps: number;
  /** 'idle' before the first step, then 'running', 'paused' or 'done'. */
  status: 'idle' | 'running' | 'paused' | 'done';
  /** Where training runs: 'worker', 'main-thread', or 'server' (a server render, which trains nothing). */
  mode: 'worker' | 'main-thread' | 'server';
  /** The network with the latest weights. */
  model: NoisePredictor;
  /** Every step's loss so far (the same array, growing; `version` changes when it does). */
  losses: number[];
  /** Changes with every progress report. */
  version: number;
  /** What went wrong in training, if anything. */
  error: string | null;
  play(): void;
  pause(): void;
  reset(): void;
}

/** The run's config for the engine. */
function trainingConfig(o: TrainerRunOptions): TrainingConfig {
  return {
    data: o.points,
    alphasCumprod: o.alphasCumprod,
    seed: o.seed,
    maxSteps: o.maxSteps,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    model: {
      hiddenWidth: o.hiddenWidth,
      hiddenLayers: o.hiddenLayers,
      timeFrequencies: 8,
      maxFrequency: 64,
      activation: 'silu',
    },
  };
}

export function useDiffusionTrainer(o: TrainerRunOptions): TrainerState {
  const { points, alphasCumprod, seed, maxSteps, batchSize, learningRate, hiddenWidth, hiddenLayers, autoStart } = o;
  const config = useMemo(
    () =>
      trainingConfig({
        points,
        alphasCumprod,
        seed,
        maxSteps,
        batchSize,
        learningRate,
        hiddenWidth,
        hiddenLayers,
        autoStart,
      }),
    [points, alphasCumprod, seed, maxSteps, batchSize, learningRate, hiddenWidth, hiddenLayers, autoStart],
  );
  // The untrained network of this seed: the same streams the trainer starts from, so step 0 draws the same.
  const initial = useMemo(
    () =>
      createNoiseTrainer({
        data: config.data,
        alphasCumprod: config.alphasCumprod,
        seed: config.seed,
        batchSize: 1,
        model: config.model,
      }).model,
    [config],
  );
  const [progress, setProgress] = useState<{
    config: TrainingConfig;
    step: number;
    status: TrainerState['status'];
    model: NoisePredictor;
    version: number;
  } | null>(null);
  const [mode, setMode] = useState<TrainerState['mode']>('server');
  const [error, setError] = useState<string | null>(null);
  const session = useRef<TrainingSession | null>(null);
  const losses = useRef<number[]>([]);
  const onProgress = useRef(o.onProgress);
  onProgress.current = o.onProgress;

  useEffect(() => {
    const s = createTrainingSession();
    session.current = s;
    setMode(s.mode);
    return () => {
      s.dispose();
      session.current = null;
    };
  }, []);

  useEffect(() => {
    const s = session.current;
    if (!s) return;
    losses.current = [];
    setError(null);
    setProgress(null);
    let version = 0;
    const stop = s.subscribe(
      (p: TrainingProgress) => {
        if (p.step === 0) losses.current = [];
        for (const l of p.losses) losses.current.push(l);
        setMode(s.mode);
        setProgress({
          config,
          step: p.step,
          status: p.step === 0 && p.status === 'paused' ? 'idle' : p.status,
          model: noisePredictorFromParams(p.spec, p.params),
          version: ++version,
        });
        if (p.losses.length) onProgress.current?.(p.step, p.losses.reduce((a, b) => a + b, 0) / p.losses.length);
      },
      (e) => setError(e.message),
    );
    s.start(config, autoStart);
    return stop;
  }, [config]);

  const play = useCallback(() => session.current?.resume(), []);
  const pause = useCallback(() => session.current?.pause(), []);
  const reset = useCallback(() => session.current?.reset(), []);
  const current = progress && progress.config === config ? progress : null;
  return {
    step: current?.step ?? 0,
    maxSteps,
    status: current?.status ?? 'idle',
    mode,
    model: current?.model ?? initial,
    losses: current ? losses.current : [],
    version: current?.version ?? 0,
    error,
    play,
    pause,
    reset,
  };
}
