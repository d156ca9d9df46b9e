// What tests, stories and the demo use of the mock backend. The Vite plugin is imported
// directly by vite.config.ts (it is Node-only); everything here runs in the browser too.
export { createMockBackend, swapLoopbackHost, type BackendOptions, type MockBackend, type MockBackendInit } from './backend.js';
export { ExactOnline, type ExactDivision, type ExactGrant } from './exact-online.js';
export { getBackend, handleMockRequest, matchMockPath, MOCK_PREFIX, resetBackends } from './handlers.js';
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
export { mockHandlers, startMockWorker } from './msw.js';
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
