import { CopyLinkButton } from './CopyLinkButton';

/** The page header (placeholder until the full toolbar lands). */
export function Toolbar() {
  return (
    <header>
      <h1>Optimizer Playground</h1>
      <CopyLinkButton />
    </header>
  );
}
