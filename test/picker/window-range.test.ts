import { expect } from '@esm-bundle/chai';
import { anchoredScrollTop, averageHeight, revealScrollTop, rowAt, rowOffsets, windowRange } from '../../src/picker/window-range.js';

/** 10,000 rows of 50 px: the fixed-height case (every row estimated, none measured). */
const fixed = rowOffsets(new Float64Array(10_000).fill(Number.NaN), 50);
const base = { scrollTop: 0, viewportHeight: 300, offsets: fixed, overscan: 4 };
const offsetsOf = (heights: number[]) => Array.from(rowOffsets(heights, 0));

describe('rowOffsets and averageHeight', () => {
  it('prefix sums of the heights, the total last', () => {
    expect(offsetsOf([10, 20, 30])).to.deep.equal([0, 10, 30, 60]);
    expect(offsetsOf([])).to.deep.equal([0]);
  });

  it('a row not measured (NaN) counts as the estimate', () => {
    expect(Array.from(rowOffsets([10, Number.NaN, 30, Number.NaN], 25))).to.deep.equal([0, 10, 35, 65, 90]);
  });

  it('fixed height: row i starts at i × height', () => {
    expect(fixed[100]).to.equal(5000);
    expect(fixed[10_000]).to.equal(500_000);
  });

  it('the estimate is the average of the measured heights, the fallback if none is', () => {
    expect(averageHeight([64, Number.NaN, 128, Number.NaN], 10)).to.equal(96);
    expect(averageHeight(new Float64Array(3).fill(Number.NaN), 64)).to.equal(64);
    expect(averageHeight([], 64)).to.equal(64);
  });
});

describe('rowAt', () => {
  const offsets = offsetsOf([10, 20, 30]);
  it('the row whose span holds y; a row boundary belongs to the row below', () => {
    expect([0, 9.9, 10, 29, 30, 59].map((y) => rowAt(offsets, y))).to.deep.equal([0, 0, 1, 1, 2, 2]);
  });
  it('clamped to the rows there are', () => {
    expect(rowAt(offsets, -5)).to.equal(0);
    expect(rowAt(offsets, 1000)).to.equal(2);
    expect(rowAt([0], 10)).to.equal(0);
  });
});

describe('windowRange, fixed height', () => {
  it('at the top: the visible rows and the overscan below them', () => {
    expect(windowRange(base)).to.deep.equal({ start: 0, end: 10 });
  });

  it('scrolled: the overscan on both sides of the visible rows', () => {
    // Rows 100..105 are visible at scrollTop 5000.
    expect(windowRange({ ...base, scrollTop: 5000 })).to.deep.equal({ start: 96, end: 110 });
  });

  it('counts a partly visible row at either edge as visible', () => {
    // 5025..5325 shows half of row 100 and half of row 106.
    expect(windowRange({ ...base, scrollTop: 5025 })).to.deep.equal({ start: 96, end: 111 });
  });

  it('at the bottom: ends at the last row', () => {
    expect(windowRange({ ...base, scrollTop: 10_000 * 50 - 300 })).to.deep.equal({ start: 9990, end: 10_000 });
  });

  it('a scrollTop past the end (stale) counts as scrolled to the end', () => {
    expect(windowRange({ ...base, scrollTop: 9_999_999 })).to.deep.equal({ start: 9990, end: 10_000 });
    expect(windowRange({ ...base, offsets: fixed.subarray(0, 21), scrollTop: 5000 })).to.deep.equal({ start: 10, end: 20 });
  });

  it('a negative scrollTop (overscroll) counts as the top', () => {
    expect(windowRange({ ...base, scrollTop: -80 })).to.deep.equal({ start: 0, end: 10 });
  });

  it('never more rows than there are', () => {
    expect(windowRange({ ...base, offsets: fixed.subarray(0, 4) })).to.deep.equal({ start: 0, end: 3 });
    expect(windowRange({ ...base, offsets: fixed.subarray(0, 2) })).to.deep.equal({ start: 0, end: 1 });
  });

  it('no rows: an empty range', () => {
    expect(windowRange({ ...base, offsets: [0] })).to.deep.equal({ start: 0, end: 0 });
  });

  it('without overscan: exactly the visible rows', () => {
    expect(windowRange({ ...base, overscan: 0, scrollTop: 5000 })).to.deep.equal({ start: 100, end: 106 });
  });

  it('a viewport of no height (hidden) still renders the row at scrollTop', () => {
    expect(windowRange({ ...base, viewportHeight: 0, overscan: 0, scrollTop: 5000 })).to.deep.equal({ start: 100, end: 101 });
  });

  it('without any height yet: the first rows', () => {
    expect(windowRange({ ...base, offsets: new Float64Array(10_001) })).to.deep.equal({ start: 0, end: 5 });
    expect(windowRange({ ...base, offsets: rowOffsets([Number.NaN, Number.NaN], Number.NaN) })).to.deep.equal({ start: 0, end: 2 });
  });

  it('fractional row heights (zoom, rem) stay within bounds', () => {
    const offsets = rowOffsets(new Float64Array(10_000).fill(63.99), 0);
    const range = windowRange({ ...base, offsets, scrollTop: 12_345.6 });
    expect(range.start).to.equal(Math.floor(12_345.6 / 63.99) - 4);
    expect(range.end).to.equal(Math.ceil((12_345.6 + 300) / 63.99) + 4);
  });
});

describe('windowRange, variable heights', () => {
  // Rows 0..9 of 40 px, row 10 of 400 px (a long name wrapped), then 40 px rows estimated.
  const heights = new Float64Array(1000).fill(Number.NaN);
  heights.fill(40, 0, 10);
  heights[10] = 400;
  const offsets = rowOffsets(heights, 40);

  it('finds the rows by their real tops', () => {
    // 400..700 is row 10 alone (400..800).
    expect(windowRange({ scrollTop: 400, viewportHeight: 300, offsets, overscan: 0 })).to.deep.equal({ start: 10, end: 11 });
    // 780..1080: the last 20 px of row 10, then rows 11..17 (800..1080).
    expect(windowRange({ scrollTop: 780, viewportHeight: 300, offsets, overscan: 2 })).to.deep.equal({ start: 8, end: 20 });
  });

  it('a tall row in view makes the window fewer rows, short rows more', () => {
    const tall = windowRange({ scrollTop: 400, viewportHeight: 300, offsets, overscan: 0 });
    const short = windowRange({ scrollTop: 2000, viewportHeight: 300, offsets, overscan: 0 });
    expect(tall.end - tall.start).to.equal(1);
    expect(short.end - short.start).to.equal(8);
  });
});

describe('anchoredScrollTop', () => {
  it('rows above the first visible one measured taller: scrolls by as much, so the visible row stays put', () => {
    const before = offsetsOf([50, 50, 50, 50, 50]);
    const after = offsetsOf([50, 90, 50, 50, 50]);
    // Row 3 was at 150..200, 10 px of it scrolled off; it is at 190..240 now.
    expect(anchoredScrollTop(before, after, 160)).to.equal(200);
  });

  it('changes below the first visible row change nothing', () => {
    expect(anchoredScrollTop(offsetsOf([50, 50, 50]), offsetsOf([50, 50, 200]), 60)).to.equal(60);
  });

  it('the first visible row measured shorter: stays within it', () => {
    expect(anchoredScrollTop(offsetsOf([50, 50, 50]), offsetsOf([50, 20, 50]), 90)).to.equal(70);
  });

  it('other rows (the items changed): the scrollTop as it is', () => {
    expect(anchoredScrollTop(offsetsOf([50, 50]), offsetsOf([50, 50, 50]), 60)).to.equal(60);
  });
});

describe('revealScrollTop', () => {
  const offsets = offsetsOf([50, 50, 200, 50, 50, 50, 50]);
  it('a row in view: no scrolling', () => {
    expect(revealScrollTop(offsets, 1, 0, 300)).to.equal(0);
  });
  it('a row above: its top at the top', () => {
    expect(revealScrollTop(offsets, 1, 120, 300)).to.equal(50);
  });
  it('a row below: its bottom at the bottom, its own height counted', () => {
    // Row 4 spans 350..400.
    expect(revealScrollTop(offsets, 4, 0, 300)).to.equal(100);
    expect(revealScrollTop(offsets, 2, 0, 200)).to.equal(100);
  });
  it('a row taller than the viewport: its top at the top', () => {
    expect(revealScrollTop(offsets, 2, 0, 150)).to.equal(100);
  });
});
