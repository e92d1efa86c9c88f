// The 2-D problem's surface as a lit 3-D mesh with every run's path on it, drawn by three.js's
// WebGPURenderer: WebGPU where the browser has it, WebGL 2 otherwise. Like the map's D3 views it is
// an imperative class with setters named for what changed; it draws only when something changed
// (a step, a drag of the camera), never in a loop, since a software rasterizer (SwiftShader) takes
// tens of milliseconds a frame. Its module and three.js load only when the 3-D view is first shown.
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DirectionalLight,
  DoubleSide,
  Group,
  HemisphereLight,
  Line2NodeMaterial,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  OctahedronGeometry,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  Spherical,
  SRGBColorSpace,
  Vector3,
  WebGPURenderer,
} from 'three/webgpu';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { LineGeometry } from 'three/addons/lines/LineGeometry.js';
import { Line2 } from 'three/addons/lines/webgpu/Line2.js';
import type { KnownMinimum } from '../engine/objective';
import type { SurfaceGrid } from '../engine/sample';
import { backendName, type AdapterFacts, type BackendName } from './surface3d-backend';
import { pathVertices, PATH_LIFT, sceneExtent, suggestedHeightScale, surfaceMesh, verticesShown, type HeightScale, type SurfaceMesh } from './surface3d-geometry';

const defaults = {
  /** Width of a path in CSS pixels. */
  pathWidth: 3,
  /** Radius of the current-step marker, in scene units (the domain's longer side is 2). */
  markerRadius: 0.032,
  /** One arrow-key press turns the camera this far (radians). */
  keyRotation: Math.PI / 18,
  /** One + or − press brings the camera this much nearer or farther. */
  keyZoom: 1.2,
};

/** Options of a Surface3DView; any left out take `defaults`. */
export type Surface3DOptions = Partial<typeof defaults>;

/** What the 3-D view draws for one run: the map's colour, the path and f at each point. */
export interface SurfaceRun {
  readonly index: number;
  readonly color: string;
  /** Flattened [x0, y0, x1, y1, ...]: the start first, one point per recorded step. */
  readonly trajectory: Float64Array;
  /** f at each point of the trajectory. */
  readonly loss: Float64Array;
}

/** The camera's home: looking down on the surface at 54° from the vertical, from the front-left. */
const HOME = { polar: Math.PI * 0.3, azimuth: -Math.PI * 0.2 };
/** The radius about the target that the home view fits in the canvas's narrower angle: the surface, not its bounding sphere. */
const FIT_RADIUS = 1.05;
const TARGET = new Vector3(0, 0.3, 0);
/** Lowest the camera goes: just above the plane, so the surface is never seen from underneath by accident. */
const MAX_POLAR = Math.PI * 0.49;

/**
 * A WebGPU renderer on a hardware adapter; null where there is none, with the software adapter's
 * name when that is all there is. On a software adapter WebGL 2 draws instead: three.js r187's
 * WebGPU backend draws nothing on Chromium's SwiftShader adapter (it throws "Instance dropped in
 * popErrorScope"), while its WebGL 2 backend on the same SwiftShader draws correctly.
 */
async function webGpuRenderer(canvas: HTMLCanvasElement): Promise<{ renderer: WebGPURenderer; name: BackendName } | { software: BackendName } | null> {
  if (!('gpu' in navigator) || !navigator.gpu) return null;
  const adapter = await navigator.gpu.requestAdapter().catch(() => null);
  if (!adapter) return null;
  const name = backendName(adapter as unknown as AdapterFacts);
  if (name !== 'WebGPU') return { software: name };
  // the standard features three.js itself would ask for (a browser's experimental ones left out),
  // so its shaders find what they expect
  const features = [...adapter.features].filter((feature) => !feature.startsWith('chromium-experimental')) as GPUFeatureName[];
  const device = await adapter.requestDevice({ requiredFeatures: features }).catch(() => null);
  if (!device) return null;
  const renderer = new WebGPURenderer({ canvas, antialias: true, device });
  await renderer.init();
  return { renderer, name };
}

/** WebGL 2 through the same renderer; the drawing buffer is kept so the picture can be read back (export, tests). */
async function webGl2Renderer(canvas: HTMLCanvasElement): Promise<{ renderer: WebGPURenderer; name: BackendName }> {
  const context = canvas.getContext('webgl2', { antialias: true, alpha: true, depth: true, preserveDrawingBuffer: true });
  if (!context) throw new Error('This browser has neither WebGPU nor WebGL 2: the 3-D view cannot be drawn.');
  const renderer = new WebGPURenderer({ canvas, antialias: true, forceWebGL: true, context });
  await renderer.init();
  return { renderer, name: 'WebGL 2' };
}

/** A path on the surface: its line (cut to the step shown) and the marker at its current point. */
interface PathView {
  run: SurfaceRun;
  vertices: Float32Array;
  line: Line2;
  marker: Mesh;
}

/** The surface of a 2-D problem in 3-D, with the runs' paths, orbit and zoom. */
export class Surface3DView {
  private readonly options: typeof defaults;
  private canvas: HTMLCanvasElement;
  private renderer: WebGPURenderer | null = null;
  private controls: OrbitControls | null = null;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(38, 1, 0.01, 100);
  private readonly surfaceMaterial = new MeshLambertMaterial({ vertexColors: true, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 });
  private readonly minimumMaterial = new MeshBasicMaterial({ color: 0xffffff });
  private readonly minimumGeometry = new OctahedronGeometry(0.04);
  private readonly markerGeometry: SphereGeometry;
  private readonly pathGroup = new Group();
  private readonly minimaGroup = new Group();
  private surfaceObject: Mesh | null = null;
  private mesh: SurfaceMesh | null = null;
  private grid: SurfaceGrid | null = null;
  private minima: readonly KnownMinimum[] = [];
  private heightChoice: HeightScale | 'auto' = 'auto';
  private runs: readonly SurfaceRun[] = [];
  private paths: PathView[] = [];
  private step = Infinity;
  private frame = 0;
  private destroyed = false;
  /** True once the reader has turned or zoomed the camera: a resize then keeps their view. */
  private cameraMoved = false;
  /** Waiting for the next frame's picture (snapshot). */
  private snapshotRequests: ((picture: HTMLCanvasElement) => void)[] = [];
  private readonly resizeObserver: ResizeObserver;
  /** Resolves with the backend's name once the renderer is ready (rejects when neither WebGPU nor WebGL 2 works). */
  readonly ready: Promise<BackendName>;

  /** Puts a canvas named `label` (role img) into `container`, which sets the view's size. */
  constructor(
    private readonly container: HTMLElement,
    private readonly label: string,
    options: Surface3DOptions = {},
  ) {
    this.options = { ...defaults, ...options };
    this.markerGeometry = new SphereGeometry(this.options.markerRadius, 20, 14);
    this.canvas = this.createCanvas();
    this.scene.add(new HemisphereLight(0xffffff, 0x505050, 1.5));
    const sun = new DirectionalLight(0xffffff, 1.7);
    sun.position.set(-1.5, 4, 2.5);
    this.scene.add(sun, this.pathGroup, this.minimaGroup);
    this.placeCamera(this.homeDistance(), HOME.polar, HOME.azimuth);
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(container);
    this.ready = this.openRenderer();
  }

  private createCanvas(): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.className = 'surface3d-canvas';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', this.label);
    // focusable, so the arrow keys can orbit and + and − zoom
    canvas.tabIndex = 0;
    canvas.addEventListener('keydown', this.onKeyDown);
    this.container.append(canvas);
    return canvas;
  }

  private async openRenderer(): Promise<BackendName> {
    const webGpu = await webGpuRenderer(this.canvas).catch(() => null);
    let opened: { renderer: WebGPURenderer; name: BackendName };
    if (webGpu && 'renderer' in webGpu) opened = webGpu;
    else {
      // a canvas that once gave out a WebGPU context cannot give a WebGL one: start on a fresh one
      this.canvas.removeEventListener('keydown', this.onKeyDown);
      this.canvas.remove();
      this.canvas = this.createCanvas();
      opened = await webGl2Renderer(this.canvas);
      if (webGpu) opened.name = `WebGL 2 (WebGPU here is ${webGpu.software.replace(/^WebGPU \((.*)\)$/, '$1')})`;
    }
    if (this.destroyed) {
      opened.renderer.dispose();
      return opened.name;
    }
    this.renderer = opened.renderer;
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.controls = new OrbitControls(this.camera, this.canvas);
    this.controls.target.copy(TARGET);
    this.controls.minDistance = 1.2;
    this.controls.maxDistance = 12;
    this.controls.maxPolarAngle = MAX_POLAR;
    this.controls.addEventListener('change', () => this.requestRender());
    this.controls.addEventListener('start', () => {
      this.cameraMoved = true;
    });
    this.container.dataset.backend = opened.name;
    this.fit();
    return opened.name;
  }

  /** Shows a sampled surface (the contour map's own grid) and its known minima. */
  setSurface(grid: SurfaceGrid, minima: readonly KnownMinimum[]): void {
    this.grid = grid;
    this.minima = minima;
    this.rebuildSurface();
  }

  /** f as height ('linear'), log f as the contour colours space it ('log'), or whichever suits the surface ('auto'). */
  setHeightScale(choice: HeightScale | 'auto'): void {
    if (choice === this.heightChoice) return;
    this.heightChoice = choice;
    this.rebuildSurface();
  }

  /** The height scale drawn now ('auto' resolved for the surface shown). */
  get heightScale(): HeightScale {
    if (this.heightChoice !== 'auto') return this.heightChoice;
    return this.grid ? suggestedHeightScale(this.grid.values) : 'linear';
  }

  /** Replaces the runs drawn (new results, colours or visibility). */
  setRuns(runs: readonly SurfaceRun[]): void {
    this.runs = runs;
    this.rebuildPaths();
  }

  /** Cuts every path at step k and moves its marker there; cheap enough for every frame of playback. */
  setStep(step: number): void {
    this.step = step;
    for (const path of this.paths) this.showStep(path);
    this.exposeVertices();
    this.requestRender();
  }

  /** Turns the camera about the surface: `azimuth` to the right, `polar` downwards (radians). */
  orbit(azimuth: number, polar: number): void {
    const offset = this.camera.position.clone().sub(this.target);
    const spherical = new Spherical().setFromVector3(offset);
    this.placeCamera(spherical.radius, spherical.phi + polar, spherical.theta - azimuth);
  }

  /** Brings the camera nearer (factor > 1) or farther (factor < 1). */
  zoom(factor: number): void {
    const offset = this.camera.position.clone().sub(this.target);
    const spherical = new Spherical().setFromVector3(offset);
    this.placeCamera(spherical.radius / factor, spherical.phi, spherical.theta);
  }

  /** The camera back where it started, looking at the middle of the surface. */
  resetCamera(): void {
    this.cameraMoved = false;
    this.controls?.target.copy(TARGET);
    this.placeCamera(this.homeDistance(), HOME.polar, HOME.azimuth);
  }

  /** How far the home view stands back so that the surface fills the canvas's narrower angle. */
  private homeDistance(): number {
    const vertical = ((this.camera.fov / 2) * Math.PI) / 180;
    const horizontal = Math.atan(Math.tan(vertical) * this.camera.aspect);
    return FIT_RADIUS / Math.sin(Math.min(vertical, horizontal));
  }

  /**
   * The picture as drawn, copied onto a 2-D canvas in the same task as a fresh render: a WebGPU
   * canvas can be read only until its frame is presented (for a PNG, and for the tests' pixels).
   */
  snapshot(): Promise<HTMLCanvasElement> {
    return new Promise((resolve) => {
      this.snapshotRequests.push(resolve);
      this.requestRender();
    });
  }

  /** Removes the canvas and frees the GPU's buffers. */
  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.canvas.removeEventListener('keydown', this.onKeyDown);
    this.controls?.dispose();
    this.clearPaths();
    this.clearSurface();
    for (const disposable of [this.surfaceMaterial, this.minimumMaterial, this.minimumGeometry, this.markerGeometry]) disposable.dispose();
    this.renderer?.dispose();
    this.canvas.remove();
  }

  private get target(): Vector3 {
    return this.controls?.target ?? TARGET;
  }

  private placeCamera(radius: number, polar: number, azimuth: number): void {
    const distance = Math.max(1.2, Math.min(12, radius));
    const phi = Math.max(0.05, Math.min(MAX_POLAR, polar));
    this.camera.position.setFromSpherical(new Spherical(distance, phi, azimuth)).add(this.target);
    this.camera.lookAt(this.target);
    if (this.controls) this.controls.update();
    this.requestRender();
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const { keyRotation, keyZoom } = this.options;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => this.orbit(-keyRotation, 0),
      ArrowRight: () => this.orbit(keyRotation, 0),
      ArrowUp: () => this.orbit(0, -keyRotation),
      ArrowDown: () => this.orbit(0, keyRotation),
      '+': () => this.zoom(keyZoom),
      '=': () => this.zoom(keyZoom),
      '-': () => this.zoom(1 / keyZoom),
      Home: () => this.resetCamera(),
    };
    const move = moves[event.key];
    if (!move) return;
    this.cameraMoved = event.key !== 'Home';
    // the page must not scroll while the arrows turn the camera
    event.preventDefault();
    move();
  };

  private fit(): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (!this.renderer || width <= 0 || height <= 0) return;
    // the stylesheet sizes the canvas: three sets its drawing buffer only, never a style attribute
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    if (!this.cameraMoved) this.resetCamera();
    this.requestRender();
  }

  private clearSurface(): void {
    if (this.surfaceObject) {
      this.scene.remove(this.surfaceObject);
      this.surfaceObject.geometry.dispose();
      this.surfaceObject = null;
    }
    this.minimaGroup.clear();
  }

  private rebuildSurface(): void {
    this.clearSurface();
    const grid = this.grid;
    if (!grid) return;
    const mesh = surfaceMesh(grid, this.heightScale);
    this.mesh = mesh;
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
    // the contour map's sRGB colours, as the linear values three.js lights and converts back
    const linear = new Float32Array(mesh.colours.length);
    const colour = new Color();
    for (let i = 0; i < linear.length; i += 3) {
      colour.setRGB(mesh.colours[i], mesh.colours[i + 1], mesh.colours[i + 2], SRGBColorSpace);
      linear[i] = colour.r;
      linear[i + 1] = colour.g;
      linear[i + 2] = colour.b;
    }
    geometry.setAttribute('color', new BufferAttribute(linear, 3));
    geometry.setIndex(new BufferAttribute(mesh.indices, 1));
    geometry.computeVertexNormals();
    this.surfaceObject = new Mesh(geometry, this.surfaceMaterial);
    this.scene.add(this.surfaceObject);
    const [[xMin, xMax], [yMin, yMax]] = grid.domain;
    for (const minimum of this.minima) {
      const [x, y] = minimum.point;
      if (x < xMin || x > xMax || y < yMin || y > yMax) continue;
      const marker = new Mesh(this.minimumGeometry, this.minimumMaterial);
      const [sceneX, sceneZ] = mesh.planeToScene(x, y);
      marker.position.set(sceneX, Math.max(mesh.heightOf(minimum.value), mesh.heightAt(x, y)) + 0.045, sceneZ);
      this.minimaGroup.add(marker);
    }
    // the paths' heights follow the surface's
    this.rebuildPaths();
  }

  private clearPaths(): void {
    for (const path of this.paths) {
      path.line.geometry.dispose();
      (path.line.material as Line2NodeMaterial).dispose();
      (path.marker.material as MeshBasicMaterial).dispose();
    }
    this.pathGroup.clear();
    this.paths = [];
  }

  private rebuildPaths(): void {
    this.clearPaths();
    const mesh = this.mesh;
    const grid = this.grid;
    if (mesh && grid) {
      const [halfWidth, halfDepth] = sceneExtent(grid.domain);
      for (const run of this.runs) {
        const vertices = pathVertices(run.trajectory, run.loss, mesh);
        if (vertices.length === 0) continue;
        // a point off the sampled domain is drawn on its edge: the 2-D map clips there too
        for (let i = 0; i < vertices.length; i += 3) {
          vertices[i] = Math.max(-halfWidth, Math.min(halfWidth, vertices[i]));
          vertices[i + 2] = Math.max(-halfDepth, Math.min(halfDepth, vertices[i + 2]));
        }
        const geometry = new LineGeometry();
        // a line needs two points: a run still at its start is its marker alone
        geometry.setPositions(vertices.length >= 6 ? vertices : [...vertices, ...vertices]);
        const line = new Line2(geometry, new Line2NodeMaterial({ color: run.color, linewidth: this.options.pathWidth, worldUnits: false }));
        const marker = new Mesh(this.markerGeometry, new MeshBasicMaterial({ color: run.color }));
        const path = { run, vertices, line, marker };
        this.pathGroup.add(line, marker);
        this.paths.push(path);
        this.showStep(path);
      }
    }
    this.exposeVertices();
    this.requestRender();
  }

  private showStep(path: PathView): void {
    const shown = verticesShown(path.vertices.length / 3, this.step);
    // one instance per segment: k segments join the start and the first k steps
    path.line.geometry.instanceCount = Math.max(0, shown - 1);
    path.line.visible = shown > 1;
    const last = (shown - 1) * 3;
    path.marker.position.set(path.vertices[last], path.vertices[last + 1] + this.options.markerRadius - PATH_LIFT, path.vertices[last + 2]);
  }

  /** The vertices drawn per path, in run order, and the step they were cut at: what the page and its tests can read. */
  private exposeVertices(): void {
    this.container.dataset.vertices = this.paths.map((path) => verticesShown(path.vertices.length / 3, this.step)).join(',');
    this.container.dataset.runs = this.paths.map((path) => path.run.index).join(',');
  }

  private requestRender(): void {
    if (this.frame || !this.renderer) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.renderer || this.destroyed) return;
      this.renderer.render(this.scene, this.camera);
      if (this.snapshotRequests.length > 0) {
        const picture = document.createElement('canvas');
        picture.width = this.canvas.width;
        picture.height = this.canvas.height;
        picture.getContext('2d')?.drawImage(this.canvas, 0, 0);
        for (const resolve of this.snapshotRequests.splice(0)) resolve(picture);
      }
      // the step the picture shows, once it is on the canvas
      this.container.dataset.drawnStep = String(this.step);
      this.container.dataset.frames = String(Number(this.container.dataset.frames ?? 0) + 1);
    });
  }
}
