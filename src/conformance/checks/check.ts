import type { Kit } from '../kit.js';

/** One line of the kit's output: `run` throws Failure (or any error) to fail, Skip to skip; its text is the pass's detail. */
export interface Check {
  name: string;
  run: (kit: Kit) => Promise<string | void>;
}
