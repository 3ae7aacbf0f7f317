// The typed client of the ServicesSync API. Every method returns parsed JSON or throws an
// ApiError built from the problem document; nothing above this file touches fetch.

import type { Credentials } from '../auth/credentials';
import type { Json, WorkflowDefinition } from '../model/definition';
import type { ActivityDescriptor } from '../model/descriptors';
import { ApiError } from './errors';
import type {
  ConnectionTestResult,
  ConnectionView,
  DeadLetter,
  DeadLetterPage,
  InstanceDetail,
  InstancePage,
  InstanceStatus,
  InstanceSummary,
  InstantiatedTemplate,
  PublishedVersion,
  PublishResult,
  ScheduleSummary,
  Session,
  TemplateDetail,
  TemplateSummary,
  TestRunResult,
  ValidateResult,
  VersionSummary,
  WorkflowDraft,
  WorkflowSummary,
} from './types';

const BASE = '/api/v1';

export interface Saved<T> {
  value: T;
  eTag: string | null;
}

export interface PinSpec {
  output: Json;
  outcome?: string;
}

export interface InstanceFilter {
  workflow?: string;
  status?: InstanceStatus | '';
  from?: string;
  to?: string;
  skip?: number;
  take?: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

export class ApiClient {
  constructor(private readonly credentials: Credentials, private readonly onUnauthorized: () => void = () => {}) {}

  private async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Saved<T>> {
    const init: RequestInit = { method, headers: { Accept: 'application/json', ...this.credentials.headers(), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const response = await fetch(`${BASE}${path}`, init);
    const text = await response.text();
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (!response.ok) {
      const error = new ApiError(response.status, json as Record<string, unknown> | null, `${response.status} ${response.statusText}`);
      if (error.isUnauthorized) this.onUnauthorized();
      throw error;
    }
    return { value: json as T, eTag: response.headers.get('ETag') };
  }

  private async get<T>(path: string): Promise<T> {
    return (await this.send<T>('GET', path)).value;
  }

  session = () => this.get<Session>('/design/session');
  activityTypes = () => this.get<ActivityDescriptor[]>('/activity-types');

  listWorkflows = () => this.get<WorkflowSummary[]>('/workflows');
  getDraft = (id: string) => this.get<WorkflowDraft>(`/workflows/${encodeURIComponent(id)}`);
  createDraft = (definition: WorkflowDefinition) => this.send<WorkflowDraft>('POST', '/workflows', definition);

  /** `eTag` null overwrites whatever is saved (the "overwrite" answer to a conflict). */
  saveDraft = (definition: WorkflowDefinition, eTag: string | null) =>
    this.send<WorkflowDraft>('PUT', `/workflows/${encodeURIComponent(definition.id)}`, definition, eTag ? { 'If-Match': eTag } : {});

  deleteWorkflow = (id: string, eTag: string | null) =>
    this.send<void>('DELETE', `/workflows/${encodeURIComponent(id)}`, undefined, eTag ? { 'If-Match': eTag } : {});

  publish = async (id: string, eTag: string | null) =>
    (await this.send<PublishResult>('POST', `/workflows/${encodeURIComponent(id)}/publish`, undefined, eTag ? { 'If-Match': eTag } : {})).value;

  listVersions = (id: string) => this.get<VersionSummary[]>(`/workflows/${encodeURIComponent(id)}/versions`);
  getVersion = (id: string, version: number) => this.get<PublishedVersion>(`/workflows/${encodeURIComponent(id)}/versions/${version}`);

  startRun = async (id: string, input: Json, wait = 0) =>
    (await this.send<InstanceSummary | { instanceId: string; status: InstanceStatus }>('POST', `/workflows/${encodeURIComponent(id)}/runs${query({ wait: wait || undefined })}`, JSON.stringify(input))).value;

  listInstances = (filter: InstanceFilter) => this.get<InstancePage>(`/instances${query({ ...filter })}`);
  getInstance = (id: string) => this.get<InstanceDetail>(`/instances/${encodeURIComponent(id)}`);
  retryInstance = async (id: string) => (await this.send<{ instanceId: string }>('POST', `/instances/${encodeURIComponent(id)}/retry`)).value;
  cancelInstance = async (id: string) => (await this.send<InstanceSummary>('POST', `/instances/${encodeURIComponent(id)}/cancel`)).value;

  listDeadLetters = (status: string, workflow: string) => this.get<DeadLetterPage>(`/dead-letters${query({ status, workflow, take: 200 })}`);
  retryDeadLetter = async (id: string) => (await this.send<{ instanceId: string }>('POST', `/dead-letters/${encodeURIComponent(id)}/retry`)).value;
  discardDeadLetter = async (id: string) => (await this.send<DeadLetter>('POST', `/dead-letters/${encodeURIComponent(id)}/discard`)).value;

  validate = (definition: WorkflowDefinition | Json) => this.send<ValidateResult>('POST', '/design/validate', definition).then((r) => r.value);

  testRun = async (definition: WorkflowDefinition, input: Json, pins: Record<string, PinSpec>, wait = 30) =>
    (await this.send<TestRunResult>('POST', '/design/test-runs', { definition, input, pins, wait })).value;

  listTemplates = () => this.get<TemplateSummary[]>('/design/templates');
  getTemplate = (name: string) => this.get<TemplateDetail>(`/design/templates/${encodeURIComponent(name)}`);
  /** Applies parameter values on the server; a 422 ApiError lists each problem with the parameter it belongs to. */
  instantiateTemplate = async (name: string, body: { parameters: Record<string, string> }) =>
    (await this.send<InstantiatedTemplate>('POST', `/design/templates/${encodeURIComponent(name)}/instantiate`, body)).value;

  /**
   * Schedules with their next fire times. A server that has no scheduler answers 404 or 405,
   * which the page shows as "none yet" rather than an error.
   */
  listSchedules = () => this.optionalList<ScheduleSummary>('/schedules');

  // Connections (docs/connections.md). Secret fields go out inside `auth` when typed and never
  // come back: the view says `hasSecret` and `secretFields` instead. Bodies are never logged.
  listConnections = () => this.get<ConnectionView[]>('/connections');
  getConnection = (id: string) => this.send<ConnectionView>('GET', `/connections/${encodeURIComponent(id)}`);
  createConnection = (body: Record<string, unknown>) => this.send<ConnectionView>('POST', '/connections', body);

  /** `eTag` null overwrites whatever is stored (the "overwrite" answer to a conflict). */
  saveConnection = (id: string, body: Record<string, unknown>, eTag: string | null) =>
    this.send<ConnectionView>('PUT', `/connections/${encodeURIComponent(id)}`, body, eTag ? { 'If-Match': eTag } : {});

  deleteConnection = (id: string) => this.send<void>('DELETE', `/connections/${encodeURIComponent(id)}`);
  testConnection = async (id: string) => (await this.send<ConnectionTestResult>('POST', `/connections/${encodeURIComponent(id)}/test`)).value;

  private async optionalList<T>(path: string): Promise<{ supported: boolean; items: T[] }> {
    try {
      const value = await this.get<T[] | { items: T[] }>(path);
      return { supported: true, items: Array.isArray(value) ? value : value.items };
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return { supported: false, items: [] };
      throw error;
    }
  }
}
