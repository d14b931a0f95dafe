/** `3 March 2026` (UK English, as the rest of the app). */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(time);
}
