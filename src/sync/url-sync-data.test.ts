import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DecodedUrlState, LoadedFile } from '../experiment/url-codec';
import { createAppStore } from '../store/store';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { bundledFileUrl } from './bundled-files';
import { applyUrlState, readLink, urlHash } from './url-sync';

// A link naming a bundled data set: the page fetches the file before reading the link, keeps what
// it showed until then, drops a link overtaken by a later one, and says why when the file does not
// come. The fetch is a fake that answers when told, so the order of events is the test's. Skipped
// until the bundled registry (engine/data/bundled.ts) and public/datasets/iris.csv are in.


const IRIS_LINK = `v=1&problem=${encodeURIComponent(JSON.stringify({ dataset: { name: 'iris', validation: 0.2 }, model: { kind: 'softmax' } }))}&steps=20&run=adam(lr=0.1)`;

/** A fetch that records what was asked and answers when `answer` is called. */
function pendingFetch() {
  const asked: string[] = [];
  const answers: ((file: LoadedFile) => void)[] = [];
  const fetchFile = (url: string) => {
    asked.push(url);
    return new Promise<LoadedFile>((resolve) => answers.push(resolve));
  };
  return { asked, fetchFile, answer: (index: number, file: LoadedFile) => answers[index](file) };
}

describe('a link to a bundled data set', () => {
  it('opens a link without one at once', () => {
    const opened: DecodedUrlState[] = [];
    void readLink('v=1&surface=booth', '', (decoded) => opened.push(decoded));
    expect(opened).toHaveLength(1);
  });

  it('fetches datasets/iris.csv first, keeps the previous state meanwhile, then opens it', async () => {
    const text = readFileSync(new URL('../../public/datasets/iris.csv', import.meta.url), 'utf8');
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const { asked, fetchFile, answer } = pendingFetch();
    const done = readLink(IRIS_LINK, '', (decoded) => applyUrlState(store, decoded), fetchFile);
    expect(asked).toEqual([bundledFileUrl('iris')]);
    expect(bundledFileUrl('iris')).toBe('/datasets/iris.csv');
    expect(store.getState().experiment).toBe(DEFAULT_EXPERIMENT);
    answer(0, { ok: true, text });
    await done;
    const { experiment, urlProblems } = store.getState();
    expect(urlProblems).toEqual([]);
    expect(experiment.problem).toMatchObject({ kind: 'data', dataset: { name: 'iris', content: text, validation: 0.2 }, model: { kind: 'softmax' } });
    expect(experiment.runs[0].start).toHaveLength(15);
    // the link the store writes back is the one opened: the file's text stays out of it
    const written = decodeURIComponent(urlHash(store.getState()));
    expect(written).toBe('v=1&problem={"kind":"data","dataset":{"name":"iris","validation":0.2},"model":{"kind":"softmax"}}&steps=20&run=adam(lr=0.1)');
  });

  it('drops a link overtaken while its file loads, and says why a file did not come', async () => {
    const opened: DecodedUrlState[] = [];
    const { fetchFile, answer } = pendingFetch();
    const first = readLink(IRIS_LINK.replace('steps=20', 'steps=30'), '', (decoded) => opened.push(decoded), fetchFile);
    const second = readLink(IRIS_LINK, '', (decoded) => opened.push(decoded), fetchFile);
    // the file is fetched once per page: both links wait on the same fetch (a failure is not kept)
    answer(0, { ok: false, error: '/datasets/iris.csv: HTTP 404 Not Found' });
    await Promise.all([first, second]);
    expect(opened).toHaveLength(1);
    expect(opened[0].experiment.steps).toBe(20);
    expect(opened[0].problems[0]).toBe('problem: could not load the bundled data set "iris": /datasets/iris.csv: HTTP 404 Not Found; using the default surface (rosenbrock)');
  });
});
