import type { TemplateResult } from 'lit';
import { definePicker } from '../picker/define-picker.js';
import type { Locale } from '../i18n/localization.js';
import { messages } from '../i18n/messages.js';
import type { ConnectSnapshot, View } from '../machine/steps.js';
import { administrationView } from './administration.js';
import { batchView } from './batch.js';
import { doneView } from './done.js';
import { loginView } from './login.js';
import { organisationView } from './organisation.js';
import { reconnectView } from './reconnect.js';
import { redeliveryView } from './redelivery.js';
import { stepIndicator } from './steps.js';
import { systemView } from './system.js';
import { laterAnnouncement } from './later-announcement.js';
import { laterStepStyles } from './later-steps.styles.js';
import type { StepContext, ViewContext } from './view-context.js';

/** The views the overview shows first; every other one is a later step, in this module's chunk. */
export type FirstView = 'checkingStatus' | 'statusFailed' | 'notInstalled' | 'resuming' | 'connections';
export type LaterView = Exclude<View, FirstView>;

/**
 * The later steps: everything after the overview, and the pickers they show. This module is
 * the one lazily imported chunk (lazy-steps.ts loads it while the overview shows), so the
 * element's first load is what the overview needs.
 */
const laterViews: Record<LaterView, (view: StepContext) => TemplateResult> = {
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

/** A later step's view, with the whole set of messages in the element's language. */
export const renderLaterStep = (view: ViewContext, step: LaterView): TemplateResult => laterViews[step]({ ...view, t: messages(view.locale) });

/** The step indicator of the numbered flow. */
export const laterStepIndicator = (locale: Locale, current: number) => stepIndicator(messages(locale), current);

/** What a later step adds to the live region. */
export const announceLaterStep = (snapshot: ConnectSnapshot, locale: Locale, formatDate: (isoDate: string) => string) =>
  laterAnnouncement(snapshot, messages(locale), formatDate);

export { definePicker, laterStepStyles };
