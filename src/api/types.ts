// Friendly names for the contract's generated types: the one source for every type the
// element, the machine and the mocks share with the backend.
import type { components } from './schema.generated.js';

type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type ProblemCode = Schemas['ProblemCode'];
export type Status = Schemas['Status'];
export type User = Schemas['User'];
export type Blocker = Schemas['Blocker'];
export type BlockerCode = Schemas['BlockerCode'];
export type Organisation = Schemas['Organisation'];
export type OrganisationRef = Schemas['OrganisationRef'];
export type OrganisationPage = Schemas['OrganisationPage'];
export type BookingFlow = Schemas['BookingFlow'];
export type ExactUser = Schemas['ExactUser'];
export type Connection = Schemas['Connection'];
export type ConnectionList = Schemas['ConnectionList'];
export type AuthorizationStatus = Schemas['AuthorizationStatus'];
export type Authorization = Schemas['Authorization'];
export type AuthorizationList = Schemas['AuthorizationList'];
export type StartAuthorizationRequest = Schemas['StartAuthorizationRequest'];
export type StartedAuthorization = Schemas['StartedAuthorization'];
export type Division = Schemas['Division'];
export type DivisionPage = Schemas['DivisionPage'];
export type DivisionSuggestion = Schemas['DivisionSuggestion'];
export type DivisionMatch = Schemas['DivisionMatch'];
export type CreateConnectionRequest = Schemas['CreateConnectionRequest'];
export type CreateRedeliveryRequest = Schemas['CreateRedeliveryRequest'];
export type Redelivery = Schemas['Redelivery'];
export type KnownProblemCode = Schemas['KnownProblemCode'];
export type Region = Schemas['Region'];
export type ConnectionStatus = Schemas['ConnectionStatus'];
export type DivisionStatus = Schemas['DivisionStatus'];
export type DivisionBlock = Schemas['DivisionBlock'];
export type RepointedConnection = Schemas['RepointedConnection'];
export type ReauthorizeConnectionRequest = Schemas['ReauthorizeConnectionRequest'];
export type RedeliveryPreview = Schemas['RedeliveryPreview'];
export type Prerequisite = Schemas['Prerequisite'];
export type PrerequisiteCode = Schemas['PrerequisiteCode'];
export type KnownPrerequisiteCode = Schemas['KnownPrerequisiteCode'];
export type LegacyConnections = Schemas['LegacyConnections'];

/** A page of a searchable list, as the organisation and division operations return it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Matches over all pages, when the backend knows it (Exact pages forward only, so it may not). */
  total?: number;
}

export interface PageRequest {
  query?: string;
  cursor?: string | null;
  limit?: number;
  /** Administrations only: the organisation being connected, for the suggestions on the first page. */
  organisationId?: string;
}

/** The outcome the callback page reports to the element. It carries no code and no token. */
export interface LoginReport {
  type: 'autopilot-connect:login';
  authorizationId: string;
  status: AuthorizationStatus;
}
