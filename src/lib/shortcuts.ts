/**
 * Keyboard shortcuts as a Svelte action: `use:shortcuts={() => ({ ' ': playPause, ... })}` on the
 * element the shortcuts belong to. Keys are read on the window, so they work wherever focus is,
 * a button just clicked included (Space then means the shortcut, not pressing that button again),
 * except while typing in a text field, in a select, on the arrows of a slider, or with a modifier
 * held.
 */
export type ShortcutMap = Record<string, () => void>;

const TEXT_INPUT = /^(text|number|search|email|url|password|tel|date|time|file)$/;
const SLIDER_KEYS = /^(Arrow(Left|Right|Up|Down)|Home|End|PageUp|PageDown)$/;

/** Does this key belong to the focused element rather than to the page? */
export function keyBelongsToTarget(t: HTMLElement | null, key: string): boolean {
  if (!t) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  if (t.tagName !== 'INPUT') return false;
  const type = (t as HTMLInputElement).type;
  if (type === 'range') return SLIDER_KEYS.test(key);
  return TEXT_INPUT.test(type);
}

export function shortcuts(_node: HTMLElement, actions: () => ShortcutMap | null) {
  let current = actions;
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (keyBelongsToTarget(e.target as HTMLElement | null, e.key)) return;
    const act = current()?.[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };
  window.addEventListener('keydown', onKey);
  return {
    update(next: () => ShortcutMap | null) {
      current = next;
    },
    destroy() {
      window.removeEventListener('keydown', onKey);
    },
  };
}
