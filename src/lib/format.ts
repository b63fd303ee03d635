/** "12 s", "3 min 5 s": a time left, never "0 s". */
export const formatDuration = (s: number): string =>
  s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
