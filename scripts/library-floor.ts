/**
 * The libraries alone: every value src/ imports from lit, xstate and @lit/task,
 * kept alive so tree-shaking keeps what the element's bundle keeps. `npm run check:size` builds
 * it with the element's settings and prints it as the floor under the element's size: what the
 * element's own code has left within the budget.
 */
import { Task } from '@lit/task';
import { LitElement, css, html, noChange, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Directive, PartType, directive } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';
import { assign, createActor, emit, fromCallback, fromPromise, raise, setup } from 'xstate';

export default [
  Task,
  LitElement, css, html, noChange, nothing, property, query, state, Directive, PartType, directive, repeat,
  assign, createActor, emit, fromCallback, fromPromise, raise, setup,
];
