import { shortened } from '../engine/checks';
import { LIMITS } from '../engine/limits';
import { didYouMean } from '../engine/suggest';
import { CLASSROOM_NAME_LIST, NO_CLASSROOM, type ClassroomView } from './classroom-names';
import { valueField, type UrlDraft, type UrlField } from './url-field';

// The classroom's keys of the share URL, after the view's: what the page hides, whether the
// experiment is locked, and whether it opens in presenter mode, e.g.
//   hide=runs.lr,analysis&lock=1&present=1
// as TensorFlow Playground's links hide parts of its page. They are part of the view (the CLI and
// the experiment ignore them). Each is left out at its default (nothing hidden, editable, the
// ordinary page), so every older link opens as it did. An unknown name in hide= is reported and
// the other names still apply.

/** The names in the registry's order, each once: one link per choice, whatever order it was typed in. */
export function canonicalHidden(names: Iterable<string>): string[] {
  const chosen = new Set(names);
  return CLASSROOM_NAME_LIST.filter((name) => chosen.has(name));
}

function setClassroom(draft: UrlDraft, patch: Partial<ClassroomView>): void {
  draft.view.classroom = { ...(draft.view.classroom ?? NO_CLASSROOM), ...patch };
}

/** A yes/no key written as 1 when on ("lock=1"); 0, true and false are read too. */
function switchField(key: 'lock' | 'present', property: 'locked' | 'presenting', fallback: string): UrlField {
  return valueField<boolean>({
    key,
    part: 'view',
    get: ({ view }) => view.classroom?.[property] ?? false,
    set: (draft, on) => setClassroom(draft, { [property]: on }),
    defaultValue: false,
    fallback,
    format: (on) => (on ? '1' : '0'),
    parse(text) {
      if (text === '1' || text === 'true' || text === '') return { ok: true, value: true };
      if (text === '0' || text === 'false') return { ok: true, value: false };
      return { ok: false, error: `${key}: '${shortened(text)}' is not 1 or 0` };
    },
    lenient: true,
  });
}

/** The classroom's keys, in the order they are written. */
export const CLASSROOM_FIELDS: readonly UrlField[] = [
  valueField<readonly string[]>({
    key: 'hide',
    part: 'view',
    get: ({ view }) => view.classroom?.hidden ?? [],
    set: (draft, hidden) => setClassroom(draft, { hidden }),
    defaultValue: [],
    fallback: 'hiding nothing',
    format: (hidden) => canonicalHidden(hidden).join(','),
    parse(text) {
      const names = text
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      const unknown = names.filter((name) => !CLASSROOM_NAME_LIST.includes(name));
      const problems = unknown
        .slice(0, LIMITS.listedProblems.value)
        .map((name) => `hide: '${shortened(name)}' is not a panel or control of the page${didYouMean(name, CLASSROOM_NAME_LIST)}; ignored`);
      return { ok: true, value: canonicalHidden(names), problems };
    },
    lenient: true,
  }),
  switchField('lock', 'locked', 'leaving the experiment editable'),
  switchField('present', 'presenting', 'opening the ordinary page'),
];
