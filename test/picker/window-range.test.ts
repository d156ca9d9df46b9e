import { expect } from '@esm-bundle/chai';
import { windowRange } from '../../src/picker/window-range.js';

const base = { scrollTop: 0, viewportHeight: 300, rowHeight: 50, count: 10_000, overscan: 4 };

describe('windowRange', () => {
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
    expect(windowRange({ ...base, count: 20, scrollTop: 5000 })).to.deep.equal({ start: 10, end: 20 });
  });

  it('a negative scrollTop (overscroll) counts as the top', () => {
    expect(windowRange({ ...base, scrollTop: -80 })).to.deep.equal({ start: 0, end: 10 });
  });

  it('never more rows than there are', () => {
    expect(windowRange({ ...base, count: 3 })).to.deep.equal({ start: 0, end: 3 });
    expect(windowRange({ ...base, count: 1 })).to.deep.equal({ start: 0, end: 1 });
  });

  it('no rows: an empty range', () => {
    expect(windowRange({ ...base, count: 0 })).to.deep.equal({ start: 0, end: 0 });
  });

  it('without overscan: exactly the visible rows', () => {
    expect(windowRange({ ...base, overscan: 0, scrollTop: 5000 })).to.deep.equal({ start: 100, end: 106 });
  });

  it('a viewport of no height (hidden) still renders the row at scrollTop', () => {
    expect(windowRange({ ...base, viewportHeight: 0, overscan: 0, scrollTop: 5000 })).to.deep.equal({ start: 100, end: 101 });
  });

  it('without a row height yet: the first rows', () => {
    expect(windowRange({ ...base, rowHeight: 0 })).to.deep.equal({ start: 0, end: 5 });
    expect(windowRange({ ...base, rowHeight: Number.NaN, count: 2 })).to.deep.equal({ start: 0, end: 2 });
  });

  it('fractional row heights (zoom, rem) stay within bounds', () => {
    const range = windowRange({ ...base, rowHeight: 63.99, scrollTop: 12_345.6 });
    expect(range.start).to.equal(Math.floor(12_345.6 / 63.99) - 4);
    expect(range.end).to.equal(Math.ceil((12_345.6 + 300) / 63.99) + 4);
  });
});
