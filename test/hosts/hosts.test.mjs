import { after } from 'node:test';
import { disposeWorkspace, prepareInBackground } from './support/workspace.mjs';
import './tarball.mjs';
import './typescript-host.mjs';
import './react-host.mjs';
import './script-tag-host.mjs';
import './tag-clash.mjs';
import './node-imports.mjs';
import './manifest.mjs';

/**
 * The package tried as host teams would, from the packed tarball only (issue 9): one run
 * builds and packs once, installs each host app (test/hosts/apps/) once, and the suites above
 * share them. The host apps import nothing from src/.
 */
prepareInBackground();
after(() => disposeWorkspace());
