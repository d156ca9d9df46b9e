// The mock backend (`autopilot-connect/mocks`): the reference backend and the Exact Online
// simulator of this package, seeded with named scenarios, for this project's tests, stories and
// demo, and for a host's own tests and dev server. Everything here runs in the browser (under
// MSW) and in Node (the Vite plugin); the Vite plugin only imports types at the top.
export { getBackend, handleMockRequest, matchMockPath, MOCK_PREFIX, resetBackends, type MockServeOptions } from './handlers.js';
export { ScenarioBackend, swapLoopbackHost, type ScenarioBackendInit, type TableRow } from './scenario-backend.js';
export {
  failureResponse,
  operationIds,
  parseInjection,
  type FailureInjection,
  type InjectedFailureKind,
  type InjectedProblemStatus,
  type PendingFailure,
} from './failures.js';
export { operationOf, routePaths, type OperationId, type RouteOperation } from './operations.js';
export { createMockHandlers, startMockWorker } from './msw.js';
export { mockBackendPlugin } from './vite-plugin.js';
export { isScenarioName, scenarioNames, type ScenarioName } from './scenario-names.js';
export { EXACT_COMPANY, HUGE_COUNT, worlds, type HarnessOptions, type SeedConnection, type World } from './worlds.js';
export {
  divisionCodes,
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
  type ExactDivision,
  type OrganisationSeed,
} from './seed-data.js';
