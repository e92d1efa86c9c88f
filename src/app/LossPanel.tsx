import { useEffect, useRef } from 'react';
import { LossChart } from '../views/loss-chart';
import { useRunTraces } from './run-traces';

/** Loss against step for every run. */
export function LossPanel() {
  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useRef<LossChart | null>(null);
  const traces = useRunTraces();

  useEffect(() => {
    chart.current = new LossChart(svgRef.current!);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => chart.current?.setRuns(traces), [traces]);

  return (
    <figure className="panel loss-panel">
      <figcaption>Loss per step</figcaption>
      <svg ref={svgRef} role="img" aria-label="Loss against step for every run" data-testid="loss-chart" />
    </figure>
  );
}
