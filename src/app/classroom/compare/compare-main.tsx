// The A/B page's composition root (main.tsx loads it for ?compare): two stores, each with its own engine worker,
// opened from the two links in the hash (#a=<link A>&b=<link B>, classroom-link.ts), and one
// ComparePlayback driving both. Nothing here touches the address bar or saved sessions: the
// page is a view of two links, and each side opens in the playground from its own link.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_EXPERIMENT } from '../../../experiment/experiment';
import { decodeUrlState, linkBundledSets } from '../../../experiment/url-codec';
import { EngineClient } from '../../../client/engine-client';
import { createAppStore, type AppStore } from '../../../store/store';
import { loadLinkFiles } from '../../../sync/bundled-files';
import { startEngineSync } from '../../../sync/engine-sync';
import { startInspectionSync } from '../../../sync/inspection-sync';
import { startLandscapeSync } from '../../../sync/landscape-sync';
import { applyUrlState } from '../../../sync/url-sync';
import { loadPreferences } from '../../preferences';
import { parseCompareHash } from '../classroom-link';
import { ComparePage, ComparePreferences, type CompareSide } from './ComparePage';
import { ComparePlayback } from './compare-playback';

const parsed = parseCompareHash(location.hash);
const hashes = parsed.ok ? [parsed.a, parsed.b] : ['', ''];
const preferences = loadPreferences();

const sides: CompareSide[] = ['A', 'B'].map((label, index) => {
  const store: AppStore = createAppStore({ experiment: DEFAULT_EXPERIMENT, step: 0, preferences });
  const hash = hashes[index];
  // each link on its own (url-sync's readLink lets a later link win over an earlier one still loading)
  void loadLinkFiles(linkBundledSets(hash)).then((files) => applyUrlState(store, decodeUrlState(hash, '', files)));
  const client = new EngineClient();
  startEngineSync(store, client);
  startInspectionSync(store, client);
  startLandscapeSync(store, () => client);
  return { label, store, href: `${location.pathname}#${hash}` };
});
const playback = new ComparePlayback(sides.map((side) => side.store));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ComparePreferences store={sides[0].store} />
    <ComparePage sides={sides} playback={playback} error={parsed.ok ? null : parsed.error} />
  </StrictMode>,
);
