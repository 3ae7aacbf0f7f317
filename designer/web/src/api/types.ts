// Response shapes of the ServicesSync HTTP API (docs/api.md), as the browser uses them.

import type { Json, WorkflowDefinition } from '../model/definition';
import type { ErrorInfo, JournalEntry } from '../model/journal';
import type { ServerProblem, TemplateParameter } from '../model/templateForm';
import type { Problem } from '../model/validation';

export type InstanceStatus = 'running' | 'suspended' | 'completed' | 'faulted' | 'cancelled';

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string | null;
  draftUpdatedAt: string;
  draftETag: string;
  latestVersion?: number | null;
  latestPublishedAt?: string | null;
}

export interface WorkflowDraft {
  id: string;
  eTag: string;
  updatedAt: string;
  definition: WorkflowDefinition;
  problems: Problem[];
}

export interface VersionSummary {
  id: string;
  version: number;
  name: string;
  publishedAt: string;
  publishedBy?: string | null;
}

export interface PublishedVersion extends VersionSummary {
  definition: WorkflowDefinition;
}

export interface PublishResult {
  id: string;
  version: number;
  publishedAt: string;
  warnings: Problem[];
}

export interface InstanceSummary {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: InstanceStatus;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string | null;
  triggerActivityId: string;
  error?: ErrorInfo | null;
  incidentCount: number;
  deadLetterCount: number;
  parentInstanceId?: string | null;
  replayOf?: string | null;
  correlationKey?: string | null;
}

export interface InstancePage {
  items: InstanceSummary[];
  /** Exact when `totalExact`; otherwise more runs match (the server stops counting 10,000 past `skip`). */
  total: number;
  totalExact: boolean;
  skip: number;
  take: number;
}

export interface InstanceDetail {
  instance: InstanceSummary;
  input: Json;
  output: Json;
  variables: Json;
  journal: JournalEntry[] | null;
}

export interface DeadLetter {
  id: string;
  instanceId: string;
  workflowId: string;
  workflowVersion?: number;
  activityId?: string | null;
  kind: string;
  status: string;
  reason?: string | null;
  createdAt: string;
  [key: string]: Json | undefined;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  skip: number;
  take: number;
}

export interface Session {
  name: string;
  scheme: string;
  scopes: string[];
  hiddenActivityTypes: string[];
  templatesAvailable: boolean;
}

export interface ValidateResult {
  readable: boolean;
  problems: Problem[];
}

export interface TestRunResult {
  instanceId: string;
  status: InstanceStatus;
  output: Json;
  error: ErrorInfo | null;
  pinned: string[];
  journal: JournalEntry[];
}

export interface TemplateSummary {
  name: string;
  title: string;
  description: string;
  tags?: string[];
  parameterCount?: number;
  samples: string[];
  error?: string | null;
}

export interface TemplateDetail {
  name: string;
  title?: string;
  description?: string;
  definition: Json;
  error?: string | null;
  /** What the template asks for on import (connections, rate card, schedule …). */
  parameters?: TemplateParameter[];
  samples: { name: string; payload: Json; error?: string | null }[];
}

/** POST /design/templates/{name}/instantiate: the definition to save as a draft, with the problems it still has. */
export interface InstantiatedTemplate {
  template: string;
  definition: Json;
  problems: ServerProblem[];
}

/** A schedule trigger of a published workflow with its fire times (GET /api/v1/schedules). */
export interface ScheduleSummary {
  workflowId: string;
  version: number;
  triggerId: string;
  cron?: string | null;
  /** ISO 8601 duration, for interval schedules. */
  interval?: string | null;
  timeZone: string;
  misfire: string;
  lastFireTime?: string | null;
  nextFireTime?: string | null;
}

/** A connection as GET /api/v1/connections shows it: secrets are write-only and never sent back. */
/**
 * A connection as the API shows it (GET/POST/PUT /api/v1/connections): everything but secret
 * values. `secretFields` names the write-only fields of its auth kind, `hasSecret` says whether
 * values for them are stored.
 */
export interface ConnectionView {
  id: string;
  type: string;
  displayName?: string | null;
  baseUrl: string;
  auth: { kind: string } & Record<string, string | undefined>;
  resilience?: {
    timeout?: string;
    maxRetries?: number;
    maxRetryDelay?: string;
    rateLimit?: { requestsPerSecond?: number; burst?: number; queueLimit?: number } | null;
    circuitBreaker?: unknown;
  };
  properties?: Record<string, string>;
  hasSecret: boolean;
  secretFields: string[];
  createdAt?: string | null;
  updatedAt?: string | null;
  etag?: string | null;
}

/** The answer of POST /api/v1/connections/{id}/test: the outcome as data, never a secret. */
export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  errorKind: string | null;
  elapsedMilliseconds: number;
}
