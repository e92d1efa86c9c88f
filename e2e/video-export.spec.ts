import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { expect, test, type PlaygroundPage } from './fixtures';

// The map and the loss chart as a WebM video and a GIF, exported through the dialog and decoded by
// code other than ours: the GIF by the browser's ImageDecoder (frame count, size, pixels), the WebM
// by the browser's <video> element (size, duration) and mediabunny's demuxer (one packet per
// frame). The oracle for the frame count is the arithmetic of the schedule: a run of N steps shown
// k steps per frame has ceil(N / k) + 1 frames, the last one the last step.

test.describe.configure({ timeout: 240_000 });

/** One Adam run on Rosenbrock: its path crosses the map in 100 steps. */
const LINK = 'v=1&surface=rosenbrock&steps=100&run=adam(lr=0.2)@-1.5,2';
const STEPS = 100;

/** Opens the dialog of this Export menu item, sets it up and returns the file it downloads and the status it ends with. */
async function exportAnimation(
  playground: PlaygroundPage,
  item: 'Export video (WebM)' | 'Export GIF',
  { stepsPerFrame, fps, size = '640 × 400', checkAccessibility = false }: { stepsPerFrame: number; fps: number; size?: string; checkAccessibility?: boolean },
): Promise<{ name: string; content: Buffer; status: string }> {
  const { page } = playground;
  await playground.exportButton.click();
  await page.getByRole('button', { name: item, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: item === 'Export GIF' ? 'Export GIF' : 'Export video (WebM)' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Size' }).selectOption({ label: size });
  await dialog.getByRole('spinbutton', { name: 'Steps per frame' }).fill(String(stepsPerFrame));
  await dialog.getByRole('combobox', { name: 'Frames per second' }).selectOption(String(fps));
  await expect(dialog.getByTestId('animation-summary')).toContainText(`${Math.ceil(STEPS / stepsPerFrame) + 1} frames (steps 0 to ${STEPS})`);
  if (checkAccessibility) {
    const results = await new AxeBuilder({ page }).include('[data-testid="animation-dialog"]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    dialog.getByRole('button', { name: item === 'Export GIF' ? 'Export GIF' : 'Export WebM', exact: true }).click(),
  ]);
  const path = await download.path();
  const status = dialog.getByTestId('animation-status');
  await expect(status).toContainText('Saved');
  const text = (await status.textContent()) ?? '';
  console.log(text);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), content: await readFile(path), status: text };
}

/** The run colour as the page draws it, as [r, g, b]. */
async function runColour(page: Page): Promise<[number, number, number]> {
  const colour = await page.getByTestId('map').locator('g.run path.trajectory').first().getAttribute('stroke');
  const hex = /^#([0-9a-f]{6})$/i.exec(colour ?? '');
  expect(hex, `run colour ${colour}`).not.toBeNull();
  const value = parseInt(hex![1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** What the browser's ImageDecoder reads in a GIF: the frame count, the size, and the pixels of the run's colour in the map's half of the first and last frames. */
async function decodeGif(page: Page, content: Buffer, colour: [number, number, number], mapWidth: number) {
  return page.evaluate(
    async ({ base64, colour, mapWidth }) => {
      const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const decoder = new ImageDecoder({ data, type: 'image/gif' });
      await decoder.tracks.ready;
      const frameCount = decoder.tracks.selectedTrack!.frameCount;
      const colourPixels = async (frameIndex: number) => {
        const { image } = await decoder.decode({ frameIndex });
        const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const size = { width: image.displayWidth, height: image.displayHeight };
        image.close();
        const pixels = context.getImageData(0, 0, mapWidth, size.height).data;
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          const distance = Math.hypot(pixels[i] - colour[0], pixels[i + 1] - colour[1], pixels[i + 2] - colour[2]);
          if (distance < 48) count++;
        }
        return { size, count };
      };
      const first = await colourPixels(0);
      const last = await colourPixels(frameCount - 1);
      decoder.close();
      return { frameCount, width: first.size.width, height: first.size.height, firstCount: first.count, lastCount: last.count };
    },
    { base64: content.toString('base64'), colour, mapWidth },
  );
}

/** The width, height and duration a <video> element reads from a WebM, in a blank page (the app's policy allows no blob: media). */
async function videoMetadata(page: Page, content: Buffer) {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
      await new Promise<void>((resolve, reject) => {
        video.addEventListener('loadedmetadata', () => resolve(), { once: true });
        video.addEventListener('error', () => reject(new Error(`the video does not decode: ${video.error?.message}`)), { once: true });
      });
      return { width: video.videoWidth, height: video.videoHeight, duration: video.duration, canPlay: video.canPlayType('video/webm') };
    }, content.toString('base64'));
  } finally {
    await blank.close();
  }
}

/** The packets of the WebM's video track, counted by mediabunny's demuxer, with the track's size and codec. */
async function demuxWebm(content: Buffer) {
  const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(new Uint8Array(content)) });
  const track = await input.getPrimaryVideoTrack();
  expect(track).not.toBeNull();
  let packets = 0;
  let keyPackets = 0;
  let lastTimestamp = -1;
  for await (const packet of new EncodedPacketSink(track!).packets()) {
    packets++;
    if (packet.type === 'key') keyPackets++;
    lastTimestamp = Math.max(lastTimestamp, packet.timestamp);
  }
  return { packets, keyPackets, lastTimestamp, width: track!.displayWidth, height: track!.displayHeight, codec: track!.codec, duration: await input.computeDuration() };
}

test('a GIF of the map and the loss chart has one frame per scheduled step, the run drawn, and the same bytes every time', async ({ playground, page }) => {
  await playground.open(LINK, 1);
  const stepsPerFrame = 4;
  const frames = Math.ceil(STEPS / stepsPerFrame) + 1; // 0, 4, …, 100: 26
  const gif = await exportAnimation(playground, 'Export GIF', { stepsPerFrame, fps: 10, checkAccessibility: true });
  expect(gif.name).toBe('optimizer-playground-rosenbrock-map-and-loss-chart.gif');
  expect(gif.status).toContain('GIF (gifenc)');
  expect(gif.content.subarray(0, 6).toString('latin1')).toBe('GIF89a');

  // the map takes the left 55% of the frame (animation-layout.ts): 352 of 640 pixels
  const decoded = await decodeGif(page, gif.content, await runColour(page), 352);
  expect(decoded.frameCount).toBe(frames);
  expect([decoded.width, decoded.height]).toEqual([640, 400]);
  // at step 0 only the start's ring is in the run's colour on the map; by the last step its path
  // runs from there down the valley (over 100 more pixels of it: ~70 then ~240 as drawn today)
  expect(decoded.firstCount).toBeGreaterThan(20);
  expect(decoded.lastCount - decoded.firstCount).toBeGreaterThan(100);
  expect(decoded.lastCount).toBeGreaterThan(2 * decoded.firstCount);

  // drawn, not captured: the same experiment gives the same file
  const again = await exportAnimation(playground, 'Export GIF', { stepsPerFrame, fps: 10 });
  expect(again.content.equals(gif.content)).toBe(true);
});

test('a WebM through WebCodecs has one packet per frame, the chosen size and frames / fps seconds', async ({ playground, page }) => {
  await playground.open(LINK, 1);
  const frames = STEPS + 1; // every step, 0 to 100
  const fps = 30;
  const video = await exportAnimation(playground, 'Export video (WebM)', { stepsPerFrame: 1, fps, checkAccessibility: true });
  expect(video.name).toBe('optimizer-playground-rosenbrock-map-and-loss-chart.webm');
  expect(video.status).toMatch(/WebCodecs VideoEncoder (vp09|vp8|av01)/);
  // EBML magic
  expect(video.content.subarray(0, 4).toString('hex')).toBe('1a45dfa3');

  const demuxed = await demuxWebm(video.content);
  expect(demuxed.packets).toBe(frames);
  expect(demuxed.keyPackets).toBeGreaterThanOrEqual(1);
  expect([demuxed.width, demuxed.height]).toEqual([640, 400]);
  expect(demuxed.lastTimestamp).toBeCloseTo((frames - 1) / fps, 3);
  expect(demuxed.duration).toBeCloseTo(frames / fps, 2);

  const metadata = await videoMetadata(page, video.content);
  expect([metadata.width, metadata.height]).toEqual([640, 400]);
  expect(metadata.duration).toBeCloseTo(frames / fps, 1);
});

test('without WebCodecs the video is recorded by MediaRecorder, and decodes at the chosen size', async ({ playground, page }) => {
  await page.addInitScript(() => {
    // a browser without WebCodecs
    delete (window as { VideoEncoder?: unknown }).VideoEncoder;
  });
  await playground.open(LINK, 1);
  const video = await exportAnimation(playground, 'Export video (WebM)', { stepsPerFrame: 10, fps: 10, size: '960 × 600' });
  expect(video.status).toContain('MediaRecorder video/webm');
  const metadata = await videoMetadata(page, video.content);
  expect([metadata.width, metadata.height]).toEqual([960, 600]);
});

test('Cancel stops an export without a file, and the dialog can export again', async ({ playground, page }) => {
  await playground.open(LINK, 1);
  await playground.exportButton.click();
  await page.getByRole('button', { name: 'Export GIF', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export GIF' });
  await dialog.getByRole('combobox', { name: 'Size' }).selectOption({ label: '1920 × 1200' });
  await dialog.getByRole('spinbutton', { name: 'Steps per frame' }).fill('1');
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export GIF', exact: true }).click();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByTestId('animation-status')).toHaveText('Export cancelled.');
  expect(downloads).toBe(0);
  // the stage is gone from the page
  await expect(page.locator('.animation-stage')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Export GIF', exact: true })).toBeEnabled();
});
