// What tests, stories and the demo use of the mock backend. The Vite plugin is imported
// directly by vite.config.ts (it is Node-only); everything here runs in the browser too.
export { createMockBackend, type BackendOptions, type MockBackend, type MockBackendInit } from './backend.js';
export { ExactOnline, type ExactDivision, type ExactGrant } from './exact-online.js';
export { getBackend, handleMockRequest, matchMockPath, MOCK_PREFIX, resetBackends } from './handlers.js';
export { escapeHtml } from './html.js';
export { GRANT_TTL, LOGIN_TTL, MockPlatform, type MockAuthorization, type MockOrganisation } from './model.js';
export { mockHandlers, startMockWorker } from './msw.js';
export { MockProblem } from './problem.js';
export { isScenarioName, scenarioNames, scenarios, type Scenario, type ScenarioInit, type ScenarioName } from './scenarios.js';
export { divisionCodes, exactUser, organisationIds, platformUser } from './seed-data.js';
