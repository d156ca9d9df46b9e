// The mock backend (`autopilot-connect/mocks`): for this project's tests, stories and demo, and
// for a host's own tests and dev server. Everything here runs in the browser and in Node; the
// Vite plugin only imports types at the top.
export { createMockBackend, swapLoopbackHost, type BackendOptions, type MockBackend, type MockBackendInit } from './backend.js';
export { ExactOnline, type ExactDivision, type ExactGrant } from './exact-online.js';
export { getBackend, handleMockRequest, matchMockPath, MOCK_PREFIX, resetBackends, type MockServeOptions } from './handlers.js';
export { escapeHtml } from './html.js';
export {
  GRANT_TTL,
  LOGIN_TTL,
  MockPlatform,
  type GrantSeed,
  type MockAuthorization,
  type MockOrganisation,
  type ScriptedProblem,
} from './model.js';
export {
  failureResponse,
  operationIds,
  parseInjection,
  type FailureInjection,
  type InjectedFailureKind,
  type InjectedProblemStatus,
  type PendingFailure,
} from './failures.js';
export { createMockHandlers, startMockWorker } from './msw.js';
export { mockBackendPlugin } from './vite-plugin.js';
export { MockProblem } from './problem.js';
export { HUGE_COUNT, isScenarioName, scenarioNames, scenarios, type Scenario, type ScenarioInit, type ScenarioName } from './scenarios.js';
export {
  divisionCodes,
  existingGrantId,
  exactUser,
  hostileDivisionCodes,
  hostileDivisionNames,
  hostileNames,
  hostileOrganisationIds,
  organisationIds,
  platformUser,
  troubleDivisionCodes,
  troubleDivisionNames,
  troubleOrganisationIds,
} from './seed-data.js';
