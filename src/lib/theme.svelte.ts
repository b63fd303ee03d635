/**
 * Colour theme: the system setting by default, or light / dark chosen with the toggle (kept in
 * localStorage). The root element carries `data-theme` when a choice overrides the system; the
 * charts read `dark` to pick readable text and grid colours.
 */
export type ThemeMode = 'system' | 'light' | 'dark';
const KEY = 'identifiability-sandbox/theme';

class Theme {
  mode = $state<ThemeMode>('system');
  private systemDark = $state(false);
  dark = $derived(this.mode === 'dark' || (this.mode === 'system' && this.systemDark));

  constructor() {
    if (typeof window === 'undefined') return;
    const saved = safeGet();
    if (saved === 'light' || saved === 'dark') this.mode = saved;
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (mq) {
      this.systemDark = mq.matches;
      mq.addEventListener('change', (e) => (this.systemDark = e.matches));
    }
    this.apply();
  }

  set(mode: ThemeMode): void {
    this.mode = mode;
    try {
      if (mode === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, mode);
    } catch {
      // Storage refused: the choice lasts for this page.
    }
    this.apply();
  }

  cycle(): void {
    this.set(this.mode === 'system' ? 'dark' : this.mode === 'dark' ? 'light' : 'system');
  }

  private apply(): void {
    if (this.mode === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = this.mode;
  }
}

function safeGet(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const theme = new Theme();
