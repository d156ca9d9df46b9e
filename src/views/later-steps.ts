import type { TemplateResult } from 'lit';
import { definePicker } from '../picker/define-picker.js';
import type { View } from '../machine/steps.js';
import { administrationView } from './administration.js';
import { batchView } from './batch.js';
import { doneView } from './done.js';
import { loginView } from './login.js';
import { organisationView } from './organisation.js';
import { reconnectView } from './reconnect.js';
import { redeliveryView } from './redelivery.js';
import { stepIndicator } from './steps.js';
import { systemView } from './system.js';
import type { ViewContext } from './view-context.js';

/** The views the overview shows first; every other one is a later step, in this module's chunk. */
export type FirstView = 'checkingStatus' | 'statusFailed' | 'notInstalled' | 'resuming' | 'connections';
export type LaterView = Exclude<View, FirstView>;

/**
 * The later steps: everything after the overview, and the pickers they show. This module is
 * the one lazily imported chunk (lazy-steps.ts loads it while the overview shows), so the
 * element's first load is what the overview needs.
 */
export const laterViews: Record<LaterView, (view: ViewContext) => TemplateResult> = {
  reconnect: reconnectView,
  batch: batchView,
  batchSummary: batchView,
  organisation: organisationView,
  system: systemView,
  login: loginView,
  administration: administrationView,
  done: doneView,
  redelivery: redeliveryView,
};

export { definePicker, stepIndicator };
