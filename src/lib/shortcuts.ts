/**
 * Keyboard shortcuts as a Svelte action: `use:shortcuts={() => ({ ' ': playPause, ... })}` on the
 * element the shortcuts belong to. Keys are read on the window, so they work wherever focus is,
 * except while typing in a control or with a modifier held.
 */
export type ShortcutMap = Record<string, () => void>;

const TYPING = /^(INPUT|SELECT|TEXTAREA|BUTTON|SUMMARY|A)$/;

export function shortcuts(_node: HTMLElement, actions: () => ShortcutMap | null) {
  let current = actions;
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || TYPING.test(t.tagName))) return;
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
