export interface WindowInput {
  /** How far the list is scrolled, in px. */
  scrollTop: number;
  /** The height of the scrolled viewport, in px. */
  viewportHeight: number;
  /** The height of every row, in px. */
  rowHeight: number;
  /** How many rows there are. */
  count: number;
  /** How many extra rows to render above and below what is visible. */
  overscan: number;
}

/** Rows `start` up to (not including) `end`. */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * The rows to render for a list of fixed-height rows: the ones the viewport shows plus
 * `overscan` on either side. A scrollTop past the end (stale, before the browser clamps it)
 * counts as scrolled to the end; without a row height yet, the first rows are rendered.
 */
export function windowRange({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): WindowRange {
  if (count <= 0) return { start: 0, end: 0 };
  if (!(rowHeight > 0)) return { start: 0, end: Math.min(count, 1 + overscan) };
  const viewport = Math.max(0, viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - viewport));
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.max(first + 1, Math.ceil((top + viewport) / rowHeight));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}
