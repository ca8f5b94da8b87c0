/**
 * Shortens a summary to `max` characters for a card, at a word boundary when one is near the
 * end, with an ellipsis. Plain text in, plain text out.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}
