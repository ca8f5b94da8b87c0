/**
 * Resolves in a later task of the event loop, so the browser can paint and answer input in
 * between. Each widget's first render waits for it: a page with several widgets then runs
 * several short tasks after the bundle loads instead of one long one.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
