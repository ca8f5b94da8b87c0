/**
 * Shortens plain text at a word boundary, adding an ellipsis. A module of its own: the card
 * needs it up front, while the rest of the text helpers belong to the feed readers' chunks.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}
