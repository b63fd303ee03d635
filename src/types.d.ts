declare module 'plotly.js-cartesian-dist-min' {
  // The dist bundle ships no types; the few calls LiveChart makes are typed here.
  export interface PlotlyFigure {
    data: Record<string, unknown>[];
    layout: Record<string, unknown>;
  }
  export function react(
    el: HTMLElement,
    data: Record<string, unknown>[],
    layout: Record<string, unknown>,
    config?: Record<string, unknown>,
  ): Promise<unknown>;
  export function purge(el: HTMLElement): void;
  /** A chart element, or a figure object (Plotly draws it off screen). */
  export function downloadImage(
    el: HTMLElement | { data: Record<string, unknown>[]; layout: Record<string, unknown> },
    opts: {
      format: 'png' | 'svg';
      filename: string;
      width?: number;
      height?: number;
      scale?: number;
    },
  ): Promise<string>;
  export namespace Plots {
    function resize(el: HTMLElement): void;
  }
  const Plotly: {
    react: typeof react;
    purge: typeof purge;
    downloadImage: typeof downloadImage;
    Plots: typeof Plots;
  };
  export default Plotly;
}
