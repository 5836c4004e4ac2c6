import { Component, type ReactNode } from 'react';

/**
 * True when this browser can make a WebGL context. The test context is released at once (browsers cap
 * live contexts). Call it in an effect only: it needs `document`.
 */
export function canUseWebGL(): boolean {
  if (typeof document === 'undefined') return false;
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** Props of {@link WebGLBoundary}. */
export interface WebGLBoundaryProps {
  /** Shown instead of the children once they throw (e.g. no WebGL context could be made). */
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
}

/** Catches a failing 3-D view (a lost or missing WebGL context, a failed chunk load) so the page lives on. */
export class WebGLBoundary extends Component<WebGLBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
