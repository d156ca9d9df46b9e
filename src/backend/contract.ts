// The contract's types the backend answers with, straight from the generated schema (the one source).
import type { components } from '../api/schema.generated.js';

type Schemas = components['schemas'];
export type KnownProblemCode = Schemas['KnownProblemCode'];
export type Region = Schemas['Region'];
export type Connection = Schemas['Connection'];
export type ConnectionStatus = Schemas['ConnectionStatus'];
export type Authorization = Schemas['Authorization'];
export type AuthorizationStatus = Schemas['AuthorizationStatus'];
export type Division = Schemas['Division'];
export type DivisionBlock = Schemas['DivisionBlock'];
export type DivisionSuggestion = Schemas['DivisionSuggestion'];
export type Organisation = Schemas['Organisation'];
export type BlockerCode = Schemas['BlockerCode'];
export type RepointedConnection = Schemas['RepointedConnection'];
export type Prerequisite = Schemas['Prerequisite'];
export type KnownPrerequisiteCode = Schemas['KnownPrerequisiteCode'];
export type LegacyConnections = Schemas['LegacyConnections'];

