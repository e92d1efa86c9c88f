import type { MapView } from '../../experiment/map-view';
import { Segmented } from '../controls/Segmented';
import { useAppStore } from '../use-app-store';

const CHOICES: readonly { value: MapView; label: string; title: string }[] = [
  { value: 'contour', label: 'Contour', title: 'The contour map alone' },
  { value: '3d', label: '3-D', title: 'The surface in 3-D alone (drag to orbit, scroll to zoom)' },
  { value: 'both', label: 'Both', title: 'The contour map and the surface in 3-D' },
];

/** "Map view": the contour map, the 3-D surface, or both (in the URL as `view3d`). */
export function MapViewSwitch() {
  const mapView = useAppStore((state) => state.mapView);
  const setMapView = useAppStore((state) => state.setMapView);
  return <Segmented label="Map view" choices={CHOICES} value={mapView} onChange={setMapView} />;
}
