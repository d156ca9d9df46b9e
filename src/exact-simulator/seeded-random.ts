/**
 * A seeded generator (mulberry32). Every token, code, id and seeded name comes from here, so a
 * run can be replayed from its seed; Math.random would make tokens and tests drift.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('SeededRandom.pick: empty list');
    return item;
  }

  /** `length` characters of `alphabet`. */
  chars(length: number, alphabet: string): string {
    let text = '';
    while (text.length < length) text += alphabet[Math.floor(this.next() * alphabet.length)];
    return text;
  }

  /** A string of `length` digits, the first one not zero (KvK numbers). */
  digits(length: number): string {
    return String(this.int(1, 9)) + this.chars(length - 1, '0123456789');
  }

  /** Lowercase hex, for ids that look opaque but repeat across runs (the mock backend's). */
  hex(length: number): string {
    return this.chars(length, '0123456789abcdef');
  }

  /** A GUID as Exact writes them (lowercase, dashed). */
  guid(): string {
    const hex = this.chars(32, '0123456789abcdef');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}
