import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { SnapshotFrom } from 'xstate';
import { ApiClient } from './api/client.js';
import { announcement } from './announcement.js';
import { autopilotConnectStyles } from './autopilot-connect.styles.js';
import { ConnectController } from './connect-controller.js';
import { provideEffects } from './effects.js';
import { AutopilotCancelledEvent, AutopilotConnectedEvent, AutopilotErrorEvent } from './events.js';
import { matchLocale, sourceLocale, useLocale, type Locale } from './i18n/localization.js';
import { messages } from './i18n/messages.js';
import { connectMachine, DEFAULT_LOGIN_TIMEOUT_MS, type ConnectMachine } from './machine/connect-machine.js';
import type { ConnectEmitted, ResumeRecord } from './machine/types.js';
import { definePicker } from './picker/define-picker.js';
import { clearResume, loadResume, saveResume, saveReturnUrl } from './resume-storage.js';
import { administrationView } from './views/administration.js';
import { connectionsView } from './views/connections.js';
import { doneView } from './views/done.js';
import { loginView } from './views/login.js';
import { organisationView } from './views/organisation.js';
import { redeliveryView } from './views/redelivery.js';
import { heading, primaryButton } from './views/parts.js';
import { checkingStatusView, notInstalledView, resumingView, statusFailedView } from './views/status.js';
import { systemView } from './views/system.js';
import { version } from './version.js';
import type { ViewContext } from './views/view-context.js';

type Snapshot = SnapshotFrom<ConnectMachine>;

/** The flow's steps in order, for the step indicator ("Stap 2 van 5"). */
const flowSteps = ['organisation', 'system', 'login', 'administration', 'done'] as const;

const stepOf = (snapshot: Snapshot): string => {
  if (snapshot.matches('flow')) {
    const value = snapshot.value as { flow: Record<string, unknown> | string };
    return typeof value.flow === 'string' ? value.flow : Object.keys(value.flow)[0]!;
  }
  return typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0]!;
};

/**
 * Connects an eConnect organisation to an Exact Online administration for the Autopilot.
 *
 * @fires autopilot-connected - {AutopilotConnectedEvent} a connection was made; `event.connection`.
 * @fires autopilot-cancelled - {AutopilotCancelledEvent} the user cancelled the flow.
 * @fires autopilot-error - {AutopilotErrorEvent} a backend call failed; `event.error` (status 401: renew the session).
 *
 * @csspart base - the outer frame.
 * @csspart header - the purple bar with the title and step indicator.
 * @csspart body - the current step.
 * @csspart button - every button; also `primary-button`, `secondary-button`, `cancel-button`.
 * @csspart connection - a connection in the list of active connections.
 * @csspart error - an error message.
 *
 * @cssprop --autopilot-connect-accent - the bar's colour (default purple #5b2a86).
 * @cssprop --autopilot-connect-accent-text - text on the bar.
 * @cssprop --autopilot-connect-primary - primary buttons (default green #1e7b34).
 * @cssprop --autopilot-connect-primary-hover - primary buttons on hover.
 * @cssprop --autopilot-connect-primary-text - text on primary buttons.
 * @cssprop --autopilot-connect-text - body text.
 * @cssprop --autopilot-connect-muted - secondary text.
 * @cssprop --autopilot-connect-surface - the step's background.
 * @cssprop --autopilot-connect-background - the frame's background.
 * @cssprop --autopilot-connect-border - borders.
 * @cssprop --autopilot-connect-focus - the focus ring.
 * @cssprop --autopilot-connect-error - error accents.
 * @cssprop --autopilot-connect-radius - corner radius.
 * @cssprop --autopilot-connect-font - font family.
 * @cssprop --autopilot-connect-list-height - the pickers' list height.
 */
export class AutopilotConnect extends LitElement {
  static override styles = autopilotConnectStyles;

  /** The package version of this class (from package.json), named when two copies clash over the tag. */
  static readonly version: string = version;

  /** Where the backend contract lives, e.g. `/api/autopilot`. */
  @property({ attribute: 'api-base' }) apiBase = '/api';

  /**
   * `nl`, `en`, `fr`, `de` or `es`. Without it, the host page's `lang` decides; else `nl`.
   * It may change while the element is open: nothing the user chose is lost.
   */
  @property() locale: string | null = null;

  /** Seconds a call to the backend may take before the element says it timed out. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = 20;

  /** Seconds the login window may stay open without an outcome. */
  @property({ type: Number, attribute: 'login-timeout' }) loginTimeout = DEFAULT_LOGIN_TIMEOUT_MS / 1000;

  private lastStep: string | null = null;
  private lastStateKey = '';
  /** Focus went to the heading because its control vanished: the next action may claim it. */
  private focusFellBack = false;
  /** Focus follows the steps only once the user works in the element: never steal it on load. */
  private userInteracted = false;
  private readonly noteInteraction = () => (this.userInteracted = true);
  /**
   * Arrived with a shadow root a server rendered (declarative shadow DOM). Lit's hydration takes
   * over the server's DOM as it is, assuming the browser's first render has the server's values;
   * it may not (the page's `lang`, a locale already loaded, a flow to resume), so the first render
   * repeats the server's templates with blank values, and the next one writes every real value.
   */
  private fromServer = !isServer && this.shadowRoot !== null;

  /** Loads the locale's strings; until they are in, the element keeps speaking the previous language. */
  private readonly localeTask = new Task(this, {
    task: ([locale]: readonly [Locale]) => useLocale(locale),
    args: () => [this.resolvedLocale] as const,
  });

  /** The `locale` attribute, else the nearest `lang` around the element, else Dutch. */
  get resolvedLocale(): Locale {
    // A server render has no tree around the element: the attribute, else Dutch.
    const hostLang = isServer ? null : this.closest('[lang]')?.getAttribute('lang');
    return matchLocale(this.locale) ?? matchLocale(hostLang) ?? sourceLocale;
  }

  /** Follows the host page's `lang` when it changes; made on connect, as a server has no MutationObserver. */
  private langObserver: MutationObserver | null = null;

  private readonly connect = new ConnectController(
    this,
    () => ({
      machine: provideEffects(connectMachine, {
        api: new ApiClient({ baseUrl: this.apiBase, timeout: () => (this.requestTimeout > 0 ? this.requestTimeout : 20) * 1000 }),
        window,
        callbackOrigin: window.location.origin,
        locale: () => this.resolvedLocale,
        navigate: (url) => {
          saveReturnUrl(window.location.href);
          window.location.assign(url);
        },
      }),
      input: {
        loginTimeout: this.loginTimeout * 1000,
        createId: () => crypto.randomUUID(),
        resume: loadResume(this.apiBase),
      },
    }),
    (event) => this.forward(event),
    (snapshot) => this.remember(snapshot),
  );

  /**
   * Tries the failed request again, e.g. after the host renewed the platform session on an
   * `autopilot-error` with status 401. Everything the user chose is still there.
   */
  retry(): void {
    this.connect.send({ type: 'user.retry' });
  }

  /** Keeps what is needed to continue after a reload (ids and choices only, in this tab). */
  private remember(snapshot: Snapshot): void {
    const { organisation, authorization, login, division, bookingFlow, idempotencyKey } = snapshot.context;
    let record: ResumeRecord | null = null;
    if (organisation && authorization && (snapshot.matches({ flow: 'administration' }) || snapshot.matches({ flow: { login: 'authorized' } }))) {
      record = { organisation, authorizationId: authorization.id, division, bookingFlow, idempotencyKey };
    } else if (organisation && login && snapshot.matches({ flow: { login: 'leavingForLogin' } })) {
      record = { organisation, authorizationId: login.id, division: null, bookingFlow, idempotencyKey: null };
    }
    if (record) saveResume(this.apiBase, record);
    else if (!snapshot.matches('checkingStatus') && !snapshot.matches('resuming') && !snapshot.matches('resumeFailed')) {
      clearResume(this.apiBase);
    }
  }

  override connectedCallback(): void {
    // define.js registers the picker; this covers a host that imported the class and defined the tag itself.
    definePicker();
    super.connectedCallback();
    this.addEventListener('pointerdown', this.noteInteraction);
    this.addEventListener('keydown', this.noteInteraction);
    this.langObserver ??= new MutationObserver(() => this.requestUpdate());
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.noteInteraction);
    this.removeEventListener('keydown', this.noteInteraction);
    this.langObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new backend means a new flow; the first value is taken when the controller starts.
    if (changed.has('apiBase') && this.hasUpdated) this.connect.restart();
  }

  protected override updated(): void {
    if (this.fromServer) {
      this.fromServer = false;
      this.requestUpdate();
      return;
    }
    const snapshot = this.connect.snapshot;
    if (!snapshot) return;
    const step = stepOf(snapshot);
    const stateKey = JSON.stringify(snapshot.value);
    if (this.userInteracted && this.lastStep !== null && step !== this.lastStep) {
      // A new step: its heading takes focus, so keyboard and screen-reader users start there.
      this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus();
    } else if (this.userInteracted && stateKey !== this.lastStateKey) {
      // Within a step, the focused control may be gone (Open, once the login window is open):
      // focus then sits on the page or on the heading it fell back to. It moves to the step's
      // next action when one appears (`Ga door` after the login), else to the heading.
      const focused = this.shadowRoot?.activeElement;
      const dropped = document.activeElement === document.body || (this.matches(':focus-within') && !focused);
      const waitingOnHeading = this.focusFellBack && (focused?.hasAttribute('data-step-heading') ?? false);
      const next = this.renderRoot.querySelector<HTMLElement>('[data-next-action]');
      if (next && (dropped || waitingOnHeading)) {
        next.focus();
        this.focusFellBack = false;
      } else if (dropped) {
        this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus();
        this.focusFellBack = true;
      }
    }
    if (step !== this.lastStep) this.focusFellBack = false;
    this.lastStep = step;
    this.lastStateKey = stateKey;
  }


  private forward(event: ConnectEmitted): void {
    if (event.type === 'connected') this.dispatchEvent(new AutopilotConnectedEvent(event.connection));
    else if (event.type === 'cancelled') this.dispatchEvent(new AutopilotCancelledEvent());
    else this.dispatchEvent(new AutopilotErrorEvent(event.error));
  }

  private formatDate = (isoDate: string): string =>
    new Intl.DateTimeFormat(this.resolvedLocale, { dateStyle: 'medium' }).format(new Date(isoDate));

  private renderStep(view: ViewContext): TemplateResult {
    const { snapshot, t } = view;
    if (snapshot.status === 'error') {
      return html`${heading(t.title)}
        <div class="error" data-alert part="error"><p>${t.error_server}</p></div>
        <div class="actions start">${primaryButton(t.retry, () => this.connect.restart())}</div>`;
    }
    const step = stepOf(snapshot);
    switch (step) {
      case 'checkingStatus':
        return checkingStatusView(view);
      case 'statusFailed':
        return statusFailedView(view);
      case 'notInstalled':
        return notInstalledView(view);
      case 'resuming':
      case 'resumeFailed':
        return resumingView(view);
      case 'organisation':
        return organisationView(view);
      case 'system':
        return systemView(view);
      case 'login':
        return loginView(view);
      case 'administration':
        return administrationView(view);
      case 'done':
        return doneView(view);
      case 'redelivery':
        return redeliveryView(view);
      default:
        return connectionsView(view);
    }
  }

  protected override render() {
    // The server's first frame (checking the status) with blank values: see `fromServer`.
    if (this.fromServer) return this.frame({ lang: '', title: '', stepText: null, body: checkingStatusView({ t: { title: '', loading: '' } }), said: '' });
    const snapshot = this.connect.snapshot;
    const locale = this.resolvedLocale;
    const t = messages(locale);
    // No flow before the first update: a server render (which starts none) shows the first step,
    // checking the status, with the templates the browser renders first, so it hydrates.
    const step = snapshot ? stepOf(snapshot) : 'checkingStatus';
    const index = flowSteps.indexOf(step as (typeof flowSteps)[number]);
    const stepText = index >= 0 ? t.stepOf(index + 1, flowSteps.length) : null;
    return this.frame({
      lang: locale,
      title: t.title,
      stepText,
      body: snapshot ? this.renderStep({ snapshot, send: this.connect.send, t, formatDate: this.formatDate }) : checkingStatusView({ t }),
      said: snapshot ? announcement(snapshot, t, stepText) : '',
    });
  }

  private frame({ lang, title, stepText, body, said }: { lang: string; title: string; stepText: string | null; body: TemplateResult; said: string }) {
    return html`<section class="base" part="base" lang=${lang} aria-labelledby="title">
      <header class="header" part="header">
        <h1 id="title">${title}</h1>
        ${stepText ? html`<span class="step" aria-hidden="true">${stepText}</span>` : nothing}
      </header>
      <div class="body" part="body">${body}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${said}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'autopilot-connect': AutopilotConnect;
  }
}
