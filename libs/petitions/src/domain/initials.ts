/** What the public sees of a signatory: initials only ("Elvin Mammadov" → "E. M."). */
export function initialsOf(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .slice(0, 3);
  return parts.map((part) => `${Array.from(part)[0]?.toUpperCase() ?? ''}.`).join(' ') || '—';
}
