import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { decodeUrlState } from '../src/experiment/url-codec';
import { LESSONS } from '../src/app/lessons/catalog';
import { expect, test } from './fixtures';

// The lessons as a reader meets them: the toolbar's Lessons button lists them; each opens its
// experiment through the page's link path (the runs are drawn, the address follows), plays and
// steps with the lesson's own buttons, reveals its answer and goes on with Next. Progress is kept
// across a reload; the list and a lesson pass axe; `#lesson=<id>` opens a lesson directly.

test.describe.configure({ timeout: 300_000 });

const START_LINK = 'v=1&surface=quadratic&steps=10&run=sgd(lr=0.1)@1,1';

/** The violations of impact serious or critical, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.lessons-panel').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(' | ')})`);
}

/** The step the lesson panel shows. */
async function shownStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('lesson-step').textContent()) ?? '';
  return Number(/step (\d+) of/.exec(text)?.[1]);
}

test('every lesson opens from the menu, plays, steps, reveals its answer and leads to the next', async ({ playground, page }) => {
  await playground.open(START_LINK, 1);
  const lessonsButton = page.getByRole('button', { name: 'Lessons', exact: true });
  await lessonsButton.click();
  await expect(lessonsButton).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator('.lessons-list li');
  await expect(list).toHaveCount(LESSONS.length);
  expect(await seriousViolations(page), 'axe on the list of lessons').toEqual([]);
  await list.first().getByRole('button').click();

  for (const [index, lesson] of LESSONS.entries()) {
    const panel = page.locator(`section.lesson[data-lesson="${lesson.id}"]`);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(lesson.title);
    await expect(panel).toContainText(`Lesson ${index + 1} of ${LESSONS.length}`);
    // the lesson's experiment is what the page runs, and the address says so
    const { experiment } = decodeUrlState(lesson.link);
    await expect(playground.lossCurves).toHaveCount(experiment.runs.length);
    await expect.poll(async () => decodeUrlState(new URL(page.url()).hash).experiment).toEqual(experiment);
    await expect.poll(async () => Math.min(...(await playground.lossPointsPerRun()))).toBeGreaterThan(0);

    // Step advances one step; Play moves on by itself until paused
    expect(await shownStep(page)).toBe(0);
    await panel.getByRole('button', { name: 'Step the lesson' }).click();
    await expect(page.getByTestId('lesson-step')).toHaveText(`step 1 of ${experiment.steps}`);
    await panel.getByRole('button', { name: 'Play the lesson' }).click();
    await expect.poll(() => shownStep(page)).toBeGreaterThan(1);
    await panel.getByRole('button', { name: 'Pause the lesson' }).click();

    if (lesson.question.kind === 'choice') await panel.getByRole('radio').first().check();
    await panel.getByRole('button', { name: 'Reveal answer' }).click();
    const answer = panel.getByRole('region', { name: 'Answer' });
    await expect(answer).toBeVisible();
    await expect(answer).toContainText(lesson.reveal[0]);
    if (index === 0) expect(await seriousViolations(page), 'axe on a lesson with its answer shown').toEqual([]);

    if (index < LESSONS.length - 1) await panel.getByRole('button', { name: 'Next lesson' }).click();
    else await expect(panel.getByRole('button', { name: 'Next lesson' })).toBeDisabled();
  }

  // Undo goes back through the lessons opened, as through any link followed inside the page
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.locator(`section.lesson[data-lesson="${LESSONS.at(-1)?.id}"]`)).toBeVisible();
  await expect.poll(async () => decodeUrlState(new URL(page.url()).hash).experiment).toEqual(decodeUrlState(LESSONS.at(-2)?.link ?? '').experiment);

  await page.getByRole('button', { name: 'Back to lessons' }).click();
  await expect(page.locator('.lessons-list li[data-state="done"]')).toHaveCount(LESSONS.length);
  await expect(page.locator('.lessons-panel')).toContainText(`${LESSONS.length} of ${LESSONS.length} done`);

  // the ticks survive a reload (localStorage); the tab comes back to its list
  await page.reload();
  await playground.waitForRuns(1).catch(() => undefined);
  if ((await lessonsButton.getAttribute('aria-expanded')) !== 'true') await lessonsButton.click();
  const back = page.getByRole('button', { name: 'Back to lessons' });
  if (await back.isVisible()) await back.click();
  await expect(page.locator('.lessons-list li[data-state="done"]')).toHaveCount(LESSONS.length);
  await page.getByRole('button', { name: 'Close lessons' }).click();
  await expect(lessonsButton).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.lessons-panel')).toHaveCount(0);
});

test('a #lesson= link opens that lesson and its experiment', async ({ playground, page }) => {
  const lesson = LESSONS.find((candidate) => candidate.id === 'momentum-ravine');
  if (!lesson) throw new Error('no momentum-ravine lesson');
  await page.goto('/#lesson=momentum-ravine');
  await playground.waitForRuns(2);
  const panel = page.locator('section.lesson[data-lesson="momentum-ravine"]');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(lesson.title);
  await expect.poll(async () => decodeUrlState(new URL(page.url()).hash).experiment).toEqual(decodeUrlState(lesson.link).experiment);
  await expect(playground.urlProblems).toHaveCount(0);
  expect(await shownStep(page)).toBe(0);
});

test('the lessons work without storage', async ({ playground, page }) => {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage'] as const) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('storage is disabled', 'SecurityError');
        },
      });
    }
  });
  await playground.open(START_LINK, 1);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.locator('.lessons-list li').first().getByRole('button').click();
  const panel = page.locator('section.lesson');
  await panel.getByRole('button', { name: 'Reveal answer' }).click();
  await expect(panel.getByRole('region', { name: 'Answer' })).toBeVisible();
});
