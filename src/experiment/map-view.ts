// How the 2-D problem's plane is shown: the contour map, the 3-D surface, or both. A view setting
// (not part of the experiment), carried by the share URL as `view3d` (url-fields-view.ts).

/** The ways the plane can be shown, in the order the "Map view" control lists them. */
export const MAP_VIEWS = ['contour', '3d', 'both'] as const;

/** Contour map alone (the default), the 3-D surface alone, or the 3-D surface beside the map. */
export type MapView = (typeof MAP_VIEWS)[number];
