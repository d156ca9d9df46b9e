import { adoptStyles, LitElement, html, isServer, nothing, supportsAdoptingStyleSheets, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { ApiClient } from './api/client.js';
import { announcement } from './announcement.js';
import { autopilotConnectStyles } from './autopilot-connect.styles.js';
import { ConnectController } from './connect-controller.js';
import { earlyRequest, type EarlyRequest } from './effects.js';
import { AutopilotCancelledEvent, AutopilotConnectedEvent, AutopilotDisconnectedEvent, AutopilotErrorEvent, AutopilotReconnectedEvent } from './events.js';
import { loadedTemplates, loadLocale, matchLocale, sourceLocale, type Locale } from './i18n/localization.js';
import { formatDate } from './i18n/dates.js';
import { firstMessages } from './i18n/first-messages.js';
import { observeLang } from './i18n/observe-lang.js';
import { DEFAULT_LOGIN_TIMEOUT_MS } from './machine/connect-machine.js';
import { currentStep, signInOf, stateKey, type View } from './machine/steps.js';
import type { Status } from './api/types.js';
import type { ConnectEmitted, ResumeRecord } from './machine/types.js';
import { FocusController } from './focus-controller.js';
import { RETURN_ADDRESS_LIFETIME_MS } from './popup/login-message.js';
import { clearBatch, loadBatch, saveBatch } from './batch-storage.js';
import { claimResumeKey, clearOwnReturnAddress, clearResume, loadResume, releaseResumeKey, saveResume, saveReturnAddress } from './resume-storage.js';
import { connectionsView } from './views/connections.js';
import type { FirstView } from './views/later-steps.js';
import { laterSteps, loadLaterSteps, pendingStepView, stepFailedView } from './views/lazy-steps.js';
import { heading, primaryButton } from './views/parts.js';
import { checkingStatusView, notInstalledView, resumingView, statusFailedView } from './views/status.js';
import { version } from './version.js';
import type { ViewContext } from './views/view-context.js';

/**
 * The most the first render waits for the status (see `scheduleUpdate`): 100 ms, under which an
 * answer still feels instant, so a loading step shown for less would only flash.
 */
const FIRST_RENDER_WAIT_MS = 100;

/** A flow's API client and its status request, already sent, with the backend it went to. */
type StatusRequest = { base: string; api: ApiClient; status: EarlyRequest<Status> };

/**
 * Resolves at the first animation frame `ms` after now (see `scheduleUpdate`), or by a timer a
 * little later: a page that draws no frames (hidden, a stalled compositor) must still render.
 * Under a test's simulated clock the frames end it.
 */
const framesFor = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    const until = performance.now() + ms;
    const timer = setTimeout(() => resolve(), ms + 50);
    const next = (now: number) => (now >= until ? (clearTimeout(timer), resolve()) : requestAnimationFrame(next));
    requestAnimationFrame(next);
  });

/** Resolves in the task after the next frame is drawn (a message, which no test clock holds back). */
const afterNextPaint = (): Promise<void> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    }),
  );

/**
 * The views of the first load: the overview and what comes before it. Every other view is a
 * later step (views/later-steps.ts), in a chunk loaded while the overview shows.
 */
const firstViews: Record<FirstView, (view: ViewContext) => TemplateResult> = {
  checkingStatus: checkingStatusView,
  statusFailed: statusFailedView,
  notInstalled: notInstalledView,
  resuming: resumingView,
  connections: connectionsView,
};
const isFirstView = (view: View): view is FirstView => view in firstViews;

/**
 * Connects an eConnect organisation to an Exact Online administration for the Autopilot.
 *
 * It has no slots: every word it shows comes from its own messages, in the five languages.
 *
 * Several elements may share a page. Each keeps its own resume record (sessionStorage), keyed by
 * `api-base` plus its `id`; elements without an id (or with the same one) are told apart by the
 * order in which they started: the first keeps the plain key, the next add `@1`, `@2`, … Give
 * each an `id` when the page adds, removes or reorders them. Moving an element (removed and put
 * back within one task) keeps its flow and its record.
 *
 * @tagname autopilot-connect
 *
 * @fires {AutopilotConnectedEvent} autopilot-connected - a connection was made; `event.connection` is the backend's record of it.
 * @fires {AutopilotDisconnectedEvent} autopilot-disconnected - the user removed a connection after confirming; `event.connection` is the one removed.
 * @fires {AutopilotReconnectedEvent} autopilot-reconnected - `Opnieuw verbinden` repaired connections in place; `event.connections` work again.
 * @fires {AutopilotCancelledEvent} autopilot-cancelled - the user left the flow with `Annuleren`.
 * @fires {AutopilotErrorEvent} autopilot-error - a backend call failed; `event.error` is the `ApiError` (status 401: renew the session, then call `retry()`).
 *
 * @csspart base - the outer frame.
 * @csspart header - the purple bar with the title and the step indicator.
 * @csspart steps - the step indicator under the bar: the flow's five steps by name (absent outside the flow).
 * @csspart body - the current step.
 * @csspart button - every button (and the App Winkel link, which looks like one).
 * @csspart primary-button - the green buttons: each step's main action.
 * @csspart secondary-button - the outlined buttons: `Terug` and the other second choices.
 * @csspart choice - the card to choose Exact Online on the system step (a button).
 * @csspart cancel-button - `Annuleren`, the way out of every step.
 * @csspart connection - a connection in the list of active connections.
 * @csspart error - an error message.
 * @csspart picker-search-label - the label above a picker's search field.
 * @csspart picker-search - a picker's search field (organisations, administrations).
 * @csspart picker-status - the line under the search field that says how many were found.
 * @csspart picker-list - the scrolling list of a picker.
 * @csspart picker-option - every row of a picker's list.
 * @csspart picker-option-active - the row the keyboard is on.
 * @csspart picker-option-selected - the chosen row.
 * @csspart picker-option-disabled - a row that cannot be chosen (its reason is shown in it).
 * @csspart picker-empty - the message shown when a search finds nothing.
 * @csspart picker-load-more - the `Meer laden` button under a list that has more.
 * @csspart batch-table - the table of `Meerdere administraties koppelen`: organisations and their administrations.
 * @csspart batch-row - every organisation's row in that table.
 * @csspart batch-conflict - the note in a row whose administration another row has too.
 *
 * @cssprop [--autopilot-connect-accent=light-dark(#5b2a86, #4a2470)] - the bar's background (purple) and the moving arc of the spinner.
 * @cssprop [--autopilot-connect-accent-text=#ffffff] - the title and step indicator on the bar.
 * @cssprop [--autopilot-connect-primary=#1e7b34] - primary buttons (green), the checked radio buttons and the chosen row's mark.
 * @cssprop [--autopilot-connect-primary-hover=#175f28] - primary buttons under the pointer.
 * @cssprop [--autopilot-connect-primary-text=#ffffff] - the text on primary buttons.
 * @cssprop [--autopilot-connect-text=light-dark(#1f1d2b, #ecebf3)] - body text, and the text of outlined and link buttons.
 * @cssprop [--autopilot-connect-muted=light-dark(#575468, #b4b1c4)] - secondary text: hints, dates, counts, descriptions, rows that cannot be chosen.
 * @cssprop [--autopilot-connect-surface=light-dark(#ffffff, #1d1b26)] - the step's background, outlined buttons, the search field and the lists.
 * @cssprop [--autopilot-connect-background=light-dark(#f6f5fa, #14131b)] - the frame's background.
 * @cssprop [--autopilot-connect-border=light-dark(#dcd9e6, #3b3849)] - the frame, cards, lists, the lines between rows and the spinner's ring.
 * @cssprop [--autopilot-connect-border-strong=light-dark(#767387, #8e8aa3)] - the borders a user must see to find a control (keep 3:1 against the surface): input fields, outlined buttons, the rows' radio marks, the dashed box around an empty list.
 * @cssprop [--autopilot-connect-focus=light-dark(#2f5fd0, #8fb0ff)] - the focus ring, and the outline of the row the keyboard is on.
 * @cssprop [--autopilot-connect-error=light-dark(#b3261e, #ff9b8f)] - the bar at the start of an error message.
 * @cssprop [--autopilot-connect-error-background=light-dark(#fdecea, #3d1714)] - the background of an error message.
 * @cssprop [--autopilot-connect-success=light-dark(#1e7b34, #6fd08a)] - the bar and marks of success: a message's edge, a step taken, a row connected.
 * @cssprop [--autopilot-connect-success-background=light-dark(#e8f5ec, #15301e)] - the background of a success message (logged in, connected, redelivery requested).
 * @cssprop [--autopilot-connect-warning-text=light-dark(#7a4b00, #f2c063)] - the reason a row cannot be chosen (blocked, already connected).
 * @cssprop [--autopilot-connect-notice-background=light-dark(#fff6e0, #3a2d0c)] - the background of a notice (a login that did not finish, the note after connecting).
 * @cssprop [--autopilot-connect-active-background=light-dark(#eef1fc, #272c48)] - the background of the row the keyboard is on.
 * @cssprop [--autopilot-connect-selected-background=light-dark(#e8f5ec, #15301e)] - the background of the chosen row.
 * @cssprop [--autopilot-connect-radius=6px] - the corner radius of the frame, buttons, fields, lists and messages.
 * @cssprop [--autopilot-connect-font=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - the font family.
 * @cssprop [--autopilot-connect-font-size=1rem] - the size of body text, buttons, fields and the pickers' rows.
 * @cssprop [--autopilot-connect-list-height=max(min(18rem, 50vh), 100vh - 44rem)] - the most a picker's list grows before it scrolls: by default the room the viewport leaves beside the rest of the step, at least 18rem (at most half a short viewport, so the page still scrolls past it).
 * @cssprop [--autopilot-connect-table-height=max(min(24rem, 60vh), 100vh - 24rem)] - the most the table of `Meerdere administraties koppelen` grows before it scrolls: by default taller than a picker's list, since the table is the step.
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

  /**
   * Seconds the login window may stay open without an outcome.
   * @default 600
   */
  @property({ type: Number, attribute: 'login-timeout' }) loginTimeout: number = DEFAULT_LOGIN_TIMEOUT_MS / 1000;

  /**
   * Where a user reaches eConnect: the Geavanceerde flow, and the migration note above 20
   * administrations on the old connector.
   */
  @property({ attribute: 'contact-url' }) contactUrl = 'https://www.econnect.eu/contact';

  /**
   * Arrived with a shadow root a server rendered (declarative shadow DOM). Lit's hydration takes
   * over the server's DOM as it is, assuming the browser's first render has the server's values;
   * it may not (the page's `lang`, a locale already loaded, a flow to resume), so the first render
   * repeats the server's templates with blank values, and the next one writes every real value.
   */
  private fromServer = !isServer && this.shadowRoot !== null;

  /**
   * The language the element speaks: the one asked for (`resolvedLocale`) once its messages are
   * loaded, until then the one it spoke before. Its own, whatever other elements on the page speak.
   */
  private spokenLocale: Locale = sourceLocale;

  /** Loads the asked locale's messages (once per page, for every element); the update it then requests speaks it. */
  private readonly localeTask = new Task(this, {
    task: ([locale]: readonly [Locale]) => loadLocale(locale),
    args: () => [this.resolvedLocale] as const,
  });

  /**
   * Loads the later steps (once per page) as soon as the overview, or a step after it, shows:
   * while the user reads the overview, so `New Connection` finds them loaded. Not before: a page
   * that never gets past the status check (the app not installed) does not fetch them. From the
   * overview, only once its first frame is drawn: running the chunk (some 65 KB) would otherwise
   * come between the status answer and that frame.
   */
  private readonly stepsTask = new Task(this, {
    task: async ([wanted]: readonly [boolean]) => {
      if (!wanted) return initialState;
      const snapshot = this.connect.snapshot;
      if (!laterSteps() && snapshot && isFirstView(currentStep(snapshot).view)) await afterNextPaint();
      return loadLaterSteps();
    },
    args: () => [this.wantsLaterSteps()] as const,
  });

  private wantsLaterSteps(): boolean {
    const snapshot = this.connect.snapshot;
    if (!snapshot || snapshot.status !== 'active') return false;
    const { view } = currentStep(snapshot);
    return view !== 'checkingStatus' && view !== 'statusFailed' && view !== 'notInstalled';
  }

  /** The `locale` attribute, else the nearest `lang` around the element, else Dutch. */
  get resolvedLocale(): Locale {
    // A server render has no tree around the element: the attribute, else Dutch.
    const hostLang = isServer ? null : this.closest('[lang]')?.getAttribute('lang');
    return matchLocale(this.locale) ?? matchLocale(hostLang) ?? sourceLocale;
  }

  /** Stops following the `lang` around the element; it follows from connect, as a server has no MutationObserver. */
  private stopObservingLang: (() => void) | null = null;

  /** The running flow's resume record (see `claimResumeKey`): taken when it starts, given back when it stops. */
  private resumeKey = '';

  /**
   * A flow starts on the page: it takes its resume key and drops the return address of a
   * same-tab login this element left for, since starting here means that login was abandoned
   * (Back) and the address must not send a later window anywhere. Returns the record to resume from.
   */
  private startStorage(): ResumeRecord | null {
    this.resumeKey = claimResumeKey(this.apiBase, this.id);
    clearOwnReturnAddress(this.resumeKey);
    return loadResume(this.resumeKey);
  }

  /**
   * GET /status sent on connect when the markup names the backend (`api-base`), before the shadow
   * root and its styles are made (about 4 ms earlier than the first update, measured), for the
   * flow that update starts. A backend given only as a property may be set after connect (a
   * framework's wrapper does), so without the attribute the request waits for the first update.
   */
  private earlyStatus: StatusRequest | null = null;

  /** The flow's API client and its status request, sent now: before anything that can wait. */
  private sendStatus(): StatusRequest {
    const api = new ApiClient({ baseUrl: this.apiBase, timeout: () => (this.requestTimeout > 0 ? this.requestTimeout : 20) * 1000 });
    return { base: this.apiBase, api, status: earlyRequest((signal) => api.getStatus(signal)) };
  }

  /** The request sent on connect if it went to this backend, else a fresh one (the other dropped). */
  private takeStatus(): StatusRequest {
    const early = this.earlyStatus;
    this.earlyStatus = null;
    if (early?.base === this.apiBase) return early;
    early?.status.cancel();
    return this.sendStatus();
  }

  private readonly connect = new ConnectController(
    this,
    () => {
      // Sent before anything else, so the backend works while the flow is built and first drawn.
      const { api, status } = this.takeStatus();
      const resume = this.startStorage();
      return {
        environment: {
          api,
          status,
          window,
          callbackOrigin: window.location.origin,
          locale: () => this.resolvedLocale,
          navigate: (url, authorizationId) => {
            const expiresAt = Date.now() + RETURN_ADDRESS_LIFETIME_MS;
            saveReturnAddress({ url: window.location.href, authorizationId, expiresAt, scope: this.resumeKey });
            window.location.assign(url);
          },
          resume: { save: (record) => saveResume(this.resumeKey, record), clear: () => clearResume(this.resumeKey) },
          batch: { save: (record) => saveBatch(this.resumeKey, record), clear: () => clearBatch(this.resumeKey) },
        },
        input: {
          loginTimeout: this.loginTimeout * 1000,
          createId: () => crypto.randomUUID(),
          resume,
          // After startStorage: the key it claims is the batch's too.
          batchResume: loadBatch(this.resumeKey),
        },
      };
    },
    (event) => this.forward(event),
    () => releaseResumeKey(this.resumeKey),
  );

  private readonly focusPolicy = new FocusController(this, () => {
    const snapshot = this.connect.snapshot;
    if (!snapshot || this.fromServer) return null;
    const { view } = currentStep(snapshot);
    // A later step still loading is a view of its own: its heading takes focus again when the step comes.
    return { view: isFirstView(view) || laterSteps() ? view : `${view}:pending`, key: stateKey(snapshot) };
  });

  /**
   * Tries the failed request again, e.g. after the host renewed the platform session on an
   * `autopilot-error` with status 401. Everything the user chose is still there.
   */
  retry(): void {
    this.connect.send({ type: 'user.retry' });
  }

  /**
   * Back from a same-tab login may restore the page from the back-forward cache, just as it was
   * left: waiting for the login. Then start again from the record, as a reload would.
   */
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && this.connect.snapshot?.hasTag('leftForLogin')) this.connect.restart();
  };

  override connectedCallback(): void {
    // No isServer check needed: a server render never calls connectedCallback.
    if (!this.hasUpdated && !this.earlyStatus && this.hasAttribute('api-base')) this.earlyStatus = this.sendStatus();
    super.connectedCallback();
    window.addEventListener('pageshow', this.onPageShow);
    this.stopObservingLang = observeLang(this, () => this.requestUpdate());
    // Moved, it may have come under another `lang`.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Out for longer than a move (see ConnectController) before its flow took it: nobody will.
    if (this.earlyStatus)
      setTimeout(() => {
        if (this.isConnected) return;
        this.earlyStatus?.status.cancel();
        this.earlyStatus = null;
      });
    window.removeEventListener('pageshow', this.onPageShow);
    this.stopObservingLang?.();
  }

  /** The later steps' styles are in this shadow root (see `adoptLaterStyles`). */
  private laterStyled = false;

  /**
   * Once the later steps have loaded, their styles join this shadow root's, before the render
   * that may show one of them: added to the adopted sheets, or, where a browser cannot adopt,
   * as a style element after the element's own (which is what Lit's `adoptStyles` appends).
   */
  private adoptLaterStyles(): void {
    const later = laterSteps();
    const root = this.renderRoot as ShadowRoot;
    if (this.laterStyled || !later || !root) return;
    this.laterStyled = true;
    if (supportsAdoptingStyleSheets && later.laterStepStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, later.laterStepStyles.styleSheet];
    else adoptStyles(root, [later.laterStepStyles]);
  }

  /**
   * The first render waits, at most FIRST_RENDER_WAIT_MS, for the status answer and the
   * language's messages. A quick backend then goes straight to the overview, in the element's
   * language, with no flash of the checking step: that step's render and the page's first
   * layout of text (about 20 ms measured) would come just as the answer does, and hold it up. A
   * slower backend gets the checking step after the wait. Animation frames measure it, with a
   * timer behind them only for a page that draws none: it is not the flow's clock, which tests
   * simulate (see `framesFor`).
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated && !this.fromServer && !isServer) {
      const enough = new AbortController();
      try {
        this.connect.startNow();
        const answered = this.connect.until((snapshot) => snapshot.status !== 'active' || !snapshot.matches('checkingStatus'), enough.signal);
        await Promise.race([Promise.all([answered, loadLocale(this.resolvedLocale)]), framesFor(FIRST_RENDER_WAIT_MS)]);
      } catch {
        // Whatever failed shows in the render (the flow's own error handling); the wait must never hold it back.
      }
      enough.abort();
    }
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!isServer) this.adoptLaterStyles();
    // A new backend means a new flow; the first value is taken when the controller starts.
    if (changed.has('apiBase') && this.hasUpdated) this.connect.restart();
  }

  protected override updated(): void {
    if (this.fromServer) {
      this.fromServer = false;
      this.requestUpdate();
    }
  }

  private forward(event: ConnectEmitted): void {
    if (event.type === 'connected') this.dispatchEvent(new AutopilotConnectedEvent(event.connection));
    else if (event.type === 'disconnected') this.dispatchEvent(new AutopilotDisconnectedEvent(event.connection));
    else if (event.type === 'reconnected') this.dispatchEvent(new AutopilotReconnectedEvent(event.connections));
    else if (event.type === 'cancelled') this.dispatchEvent(new AutopilotCancelledEvent());
    else this.dispatchEvent(new AutopilotErrorEvent(event.error));
  }

  /** Dates in the language the element speaks (i18n/dates.ts: no Intl, so no ICU start-up on the way to the overview). */
  private formatDate = (isoDate: string): string => formatDate(isoDate, this.spokenLocale);

  private renderStep(view: ViewContext, step: View): TemplateResult {
    const { snapshot, t } = view;
    if (snapshot.status === 'error') {
      return html`${heading(t.title)}
        <div class="error" data-alert part="error"><p>${t.error_server}</p></div>
        <div class="actions">${primaryButton(t.retry, () => this.connect.restart())}</div>`;
    }
    if (isFirstView(step)) return firstViews[step](view);
    const later = laterSteps();
    if (later) return later.renderLaterStep(view, step);
    const { number } = currentStep(snapshot);
    const name = number ? t.stepNames[number - 1]! : t.title;
    return this.stepsTask.status === TaskStatus.ERROR ? stepFailedView(view, name, () => void this.stepsTask.run()) : pendingStepView(t, name);
  }

  protected override render() {
    // The server's first frame (checking the status) with blank values: see `fromServer`.
    if (this.fromServer) return this.frame({ lang: '', title: '', stepText: null, steps: nothing, body: checkingStatusView({ t: { connectionsHeading: '', loading: '' } }), said: '' });
    const snapshot = this.connect.snapshot;
    if (loadedTemplates(this.resolvedLocale)) this.spokenLocale = this.resolvedLocale;
    const locale = this.spokenLocale;
    const t = firstMessages(locale);
    // No flow before the first update: a server render (which starts none) shows the first step,
    // checking the status, with the templates the browser renders first, so it hydrates.
    const step = snapshot ? currentStep(snapshot) : null;
    const later = laterSteps();
    const stepText = step?.number ? t.stepCount(step.number, step.total) : null;
    return this.frame({
      lang: locale,
      title: t.title,
      stepText,
      stepName: step?.number ? t.stepNames[step.number - 1] : '',
      steps: step?.number ? (laterSteps()?.laterStepIndicator(locale, step.number) ?? nothing) : nothing,
      body:
        snapshot && step
          ? this.renderStep({ snapshot, signIn: signInOf(snapshot), send: this.connect.send, t, formatDate: this.formatDate, contactUrl: this.contactUrl, locale }, step.view)
          : checkingStatusView({ t }),
      said: snapshot ? announcement(snapshot, t, stepText, later && ((current) => later.announceLaterStep(current, locale, this.formatDate))) : '',
    });
  }

  private frame({ lang, title, stepText, stepName = '', steps, body, said }: { lang: string; title: string; stepText: string | null; stepName?: string; steps: TemplateResult | typeof nothing; body: TemplateResult; said: string }) {
    return html`<section class="base" part="base" lang=${lang} aria-labelledby="title">
      <header class="header" part="header">
        <h1 id="title">${title}</h1>
        ${stepText ? html`<span class="step" aria-hidden="true">${stepText}<span class="step-now"> · ${stepName}</span></span>` : nothing}
      </header>
      ${steps}
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
