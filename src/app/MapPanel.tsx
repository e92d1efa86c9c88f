import { useEffect, useRef } from 'react';
import { ContourMap } from '../views/contour-map';
import { TrajectoryLayer } from '../views/trajectory-layer';
import { useRunTraces } from './run-traces';
import { useAppStore } from './use-app-store';

/** The contour map with every run's trajectory on it. */
export function MapPanel() {
  const svgRef = useRef<SVGSVGElement>(null);
  const views = useRef<{ map: ContourMap; trajectories: TrajectoryLayer } | null>(null);
  const surface = useAppStore((state) => state.surface);
  const step = useAppStore((state) => state.step);
  const traces = useRunTraces();

  useEffect(() => {
    const map = new ContourMap(svgRef.current!);
    views.current = { map, trajectories: new TrajectoryLayer(map.overlay) };
    return () => {
      views.current?.trajectories.destroy();
      map.destroy();
      views.current = null;
    };
  }, []);

  useEffect(() => {
    if (!surface || !views.current) return;
    const scales = views.current.map.setSurface(surface, surface.minima);
    views.current.trajectories.setScales(scales);
  }, [surface]);

  useEffect(() => views.current?.trajectories.setRuns(traces), [traces]);
  useEffect(() => views.current?.trajectories.setStep(step), [step]);

  return (
    <figure className="panel map-panel">
      <svg ref={svgRef} role="img" aria-label="Contour map of the loss surface with each run's trajectory" data-testid="map" />
    </figure>
  );
}
