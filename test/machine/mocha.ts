/**
 * Mocha's globals, typed. The project has no @types/mocha (and `types: []`), so the machine
 * tests take `describe` and `it` from here instead of relying on ambient declarations.
 */
type Body = (this: unknown) => void | Promise<void>;

interface TestFunction {
  (title: string, body: Body): void;
  skip(title: string, body?: Body): void;
  only(title: string, body: Body): void;
}

interface SuiteFunction {
  (title: string, body: () => void): void;
  skip(title: string, body: () => void): void;
  only(title: string, body: () => void): void;
}

const mocha = globalThis as unknown as {
  describe: SuiteFunction;
  it: TestFunction;
  beforeEach: (body: Body) => void;
  afterEach: (body: Body) => void;
};

export const describe = mocha.describe;
export const it = mocha.it;
export const beforeEach = mocha.beforeEach;
export const afterEach = mocha.afterEach;
