import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tarball } from './support/workspace.mjs';

describe('the packed tarball', () => {
  it('ships dist/, README.md and package.json, nothing else (no src/, no tests)', async () => {
    const { files } = await tarball();
    const elsewhere = files.filter((file) => !file.startsWith('dist/') && !['README.md', 'package.json', 'LICENSE'].includes(file));
    assert.deepEqual(elsewhere, []);
    assert.ok(files.includes('dist/index.js'), 'dist/index.js is in it');
  });
});
