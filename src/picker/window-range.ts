/**
 * The maths of a windowed list whose rows have different heights (names wrap instead of being
 * clipped). Rows are described by their offsets: `offsets[i]` is the top of row i and
 * `offsets[count]` the height of the whole list. Pure functions, so they are tested alone.
 */

/** Rows `start` up to (not including) `end`. */
export interface WindowRange {
  start: number;
  end: number;
}

/** The average of the measured heights (NaN = not measured), or `fallback` if none is. */
export function averageHeight(heights: ArrayLike<number>, fallback: number): number {
  let sum = 0;
  let measured = 0;
  for (let index = 0; index < heights.length; index++) {
    const height = heights[index]!;
    if (height >= 0) {
      sum += height;
      measured++;
    }
  }
  return measured > 0 ? sum / measured : fallback;
}

/**
 * Prefix sums of the row heights: a row not measured yet (NaN) counts as `estimate`. O(n), so
 * it is recomputed only when a measurement changes, not on every scroll.
 */
export function rowOffsets(heights: ArrayLike<number>, estimate: number): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let index = 0; index < heights.length; index++) {
    const height = heights[index]!;
    offsets[index + 1] = offsets[index]! + (height >= 0 ? height : estimate);
  }
  return offsets;
}

/** The row at `y`: the last row whose top is at or above it (clamped to the rows there are). Binary search. */
export function rowAt(offsets: ArrayLike<number>, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

export interface WindowInput {
  /** How far the list is scrolled, in px. */
  scrollTop: number;
  /** The height of the scrolled viewport, in px. */
  viewportHeight: number;
  /** The rows' offsets (see rowOffsets). */
  offsets: ArrayLike<number>;
  /** How many extra rows to render above and below what is visible. */
  overscan: number;
}

/**
 * The rows to render: the ones the viewport shows (a partly visible row counts) plus `overscan`
 * on either side. A scrollTop past the end (stale, before the browser clamps it) counts as
 * scrolled to the end; without any height yet, the first rows are rendered.
 */
export function windowRange({ scrollTop, viewportHeight, offsets, overscan }: WindowInput): WindowRange {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const total = offsets[count]!;
  if (!(total > 0)) return { start: 0, end: Math.min(count, 1 + overscan) };
  const viewport = Math.max(0, viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - viewport));
  const first = rowAt(offsets, top);
  // The rows that start above the bottom edge are visible; at least the first one.
  let last = rowAt(offsets, top + viewport);
  if (offsets[last]! >= top + viewport) last--;
  last = Math.max(first, last);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/**
 * Where to scroll after the offsets changed (rows measured), so the first visible row stays
 * where it was on screen instead of the content jumping under the reader.
 */
export function anchoredScrollTop(before: ArrayLike<number>, after: ArrayLike<number>, scrollTop: number): number {
  if (before.length !== after.length || before.length < 2) return scrollTop;
  const anchor = rowAt(before, scrollTop);
  const within = Math.min(scrollTop - before[anchor]!, after[anchor + 1]! - after[anchor]!);
  return Math.max(0, after[anchor]! + Math.max(0, within));
}

/**
 * The scrollTop that shows row `index` with as little scrolling as possible: its top at the top
 * if it is above the viewport or taller than it, its bottom at the bottom if it is below.
 */
export function revealScrollTop(offsets: ArrayLike<number>, index: number, scrollTop: number, viewportHeight: number): number {
  const top = offsets[index]!;
  const bottom = offsets[index + 1]!;
  if (top < scrollTop || bottom - top > viewportHeight) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}
