// The scenario names alone, so a page can offer them without loading the mock data.
export const scenarioNames = [
  'default',
  'empty',
  'many',
  'slow',
  'errors',
  'not-installed',
  'hostile',
  'huge',
  'grant',
  'coop',
  'coop-late',
  'trouble',
  'lapsed',
  'legacy',
  'blocked',
  'ready',
  'batch',
  'batch-200',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export const isScenarioName = (value: unknown): value is ScenarioName =>
  typeof value === 'string' && (scenarioNames as readonly string[]).includes(value);
