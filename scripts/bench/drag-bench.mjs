// Drag-to-paint latency of `npm run bench`: a start marker (the last run's, alone at its start) is dragged over the map of 8 runs x 1,000
// steps (the page opened at the last step, so every recompute runs all 1,000 steps), and each pointer
// move is timed until the first frame whose trajectory starts where that move put the start. A move
// whose own answer is never drawn (a newer one overtook it) counts until the first frame that shows
// a newer one: that is when the person sees the picture catch up with the hand. The time each
// request spent in each phase (client/phase-timing.ts: waiting, to the worker, compute, back,
// applying it) is read from the page's User Timing measures, and the main thread's handling of each
// move (the store, React, the map) is timed here.

/** How far apart (SVG pixels) a path's first point and a start marker may be and still be the same point: the path is rounded to 1/100 px. */
const SAME_POINT_PX = 0.006;

/** The value at `fraction` of a sorted list (nearest rank below). */
export function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? NaN };
}

/** Installs the probes in the page: inputs, their handling, paints, and the engine's phase measures. */
function installProbe({ runIndex, samePointPx }) {
  const probe = { inputs: [], handling: [], paints: [], phases: {}, legacy: [] };
  window.__dragProbe = probe;
  const group = document.querySelector(`svg g.trajectories g.run[data-index="${runIndex}"]`);
  const handle = group.querySelector('g.start-point');
  const line = group.querySelector('path.trajectory');
  const markerAt = () => {
    const match = /translate\(([^,]+),([^)]+)\)/.exec(handle.getAttribute('transform') ?? '');
    return match ? [Number(match[1]), Number(match[2])] : null;
  };
  const pathStart = () => {
    const match = /^M([-\d.e]+),([-\d.e]+)/.exec(line.getAttribute('d') ?? '');
    return match ? [Number(match[1]), Number(match[2])] : null;
  };
  // the next task after the move's own: the drag handler, the store's subscribers and React's microtask have run
  const channel = new MessageChannel();
  const handled = [];
  channel.port1.onmessage = () => {
    const input = handled.shift();
    if (!input) return;
    input.handledAt = performance.now();
    input.marker = markerAt();
    probe.handling.push(input.handledAt - input.time);
  };
  let legacyPending = null;
  addEventListener(
    'pointermove',
    (event) => {
      if (!event.buttons || !probe.recording) return;
      const input = { time: event.timeStamp, marker: null, paintedAt: null };
      probe.inputs.push(input);
      handled.push(input);
      legacyPending = event.timeStamp;
      channel.port2.postMessage(null);
    },
    { capture: true },
  );
  let framePending = false;
  new MutationObserver(() => {
    if (!probe.recording) return;
    // the bench's first measure: from the latest move to the first frame after any path changed
    if (legacyPending !== null) {
      const input = legacyPending;
      legacyPending = null;
      requestAnimationFrame(() => probe.legacy.push(performance.now() - input));
    }
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      const now = performance.now();
      const start = pathStart();
      if (!start) return;
      // the newest move whose start this path begins at; it and every older move not yet shown are painted now
      let shown = -1;
      probe.inputs.forEach((input, index) => {
        if (input.marker && Math.abs(input.marker[0] - start[0]) <= samePointPx && Math.abs(input.marker[1] - start[1]) <= samePointPx) shown = index;
      });
      probe.paints.push({ at: now, shown });
      for (let index = 0; index <= shown; index++) if (probe.inputs[index].paintedAt === null) probe.inputs[index].paintedAt = now;
    });
  }).observe(group, { attributes: true, subtree: true, attributeFilter: ['d'] });
  new PerformanceObserver((list) => {
    if (!probe.recording) return;
    for (const entry of list.getEntries()) (probe.phases[entry.name] ??= []).push(entry.duration);
  }).observe({ type: 'measure' });
}

/**
 * Drags run `runIndex`'s start on a page already showing the map: `moves` pointer moves about
 * `intervalMs` apart, back and forth. Returns the latencies and the phase breakdown.
 */
export async function measureDrag(page, { runIndex = 7, moves = 120, intervalMs = 16 } = {}) {
  const marker = page.locator(`g.run[data-index="${runIndex}"] circle.start-marker`);
  const box = await marker.boundingBox();
  if (!box) throw new Error('no start marker to drag');
  let x = box.x + box.width / 2;
  let y = box.y + box.height / 2;
  // markers close together overlap: the press must land on this run's (the last run's is on top)
  const grabbed = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('g.start-point')?.getAttribute('data-index'), { x, y });
  if (grabbed !== String(runIndex)) throw new Error(`a press on run ${runIndex}'s start grabs run ${grabbed}'s`);
  await page.evaluate(installProbe, { runIndex, samePointPx: SAME_POINT_PX });
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(() => (window.__dragProbe.recording = true));
  for (let i = 0; i < moves; i++) {
    x += i % 20 < 10 ? 3 : -3;
    y += i % 30 < 15 ? 2 : -2;
    await page.mouse.move(x, y);
    await page.waitForTimeout(intervalMs);
  }
  // the last answers are drawn before the button goes up (letting go recomputes the whole run)
  await page.waitForTimeout(500);
  await page.evaluate(() => (window.__dragProbe.recording = false));
  await page.mouse.up();
  await page.waitForTimeout(300);
  const probe = await page.evaluate(() => window.__dragProbe);
  const painted = probe.inputs.filter((input) => input.paintedAt !== null);
  const latencies = painted.map((input) => input.paintedAt - input.time);
  const ownAnswers = new Set(probe.paints.map((paint) => paint.shown)).size;
  return {
    moves: probe.inputs.length,
    neverShown: probe.inputs.length - painted.length,
    paints: probe.paints.length,
    ownAnswers,
    latency: summary(latencies),
    legacy: summary(probe.legacy),
    handling: summary(probe.handling),
    phases: Object.fromEntries(Object.entries(probe.phases).map(([name, durations]) => [name, summary(durations)])),
  };
}

/** One line per phase: "engine.compute p50 3.1 ms, p95 6.0 ms (n = 57)". */
export function phaseLines(result) {
  const line = (name, { p50, p95, count }) => `  ${name.padEnd(20)} p50 ${p50.toFixed(1).padStart(6)} ms, p95 ${p95.toFixed(1).padStart(6)} ms (n = ${count})`;
  return [
    line('move handled', result.handling),
    ...Object.entries(result.phases).map(([name, values]) => line(name, values)),
    line('move -> paint', result.latency),
  ];
}
