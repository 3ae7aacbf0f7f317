-- The first schema. Times are UTC ticks (100 ns since 0001-01-01) in bigint columns, exactly
-- what .NET's DateTimeOffset holds, so nothing is rounded on the way in and out; enums are
-- their names; JSON payloads are kept verbatim as text.

create table drafts (
    id text primary key,
    name text not null,
    description text,
    definition text not null,
    etag text not null,
    updated_at bigint not null
);

create table versions (
    workflow_id text not null,
    version integer not null,
    name text not null,
    description text,
    definition text not null,
    published_at bigint not null,
    published_by text,
    retired boolean not null default false,
    primary key (workflow_id, version)
);

create table instances (
    id text primary key,
    workflow_id text not null,
    workflow_version integer not null,
    status text not null,
    created_at bigint not null,
    updated_at bigint not null,
    finished_at bigint,
    trigger_activity_id text not null,
    input text,
    output text,
    error_message text,
    error_kind text,
    error_retryable boolean,
    variables text not null,
    state text not null,
    journal_length bigint not null,
    incident_count integer not null,
    dead_letter_count integer not null,
    parent_instance_id text,
    replay_of text,
    correlation_key text,
    ad_hoc_definition text
);
create index instances_created on instances (created_at desc, id);
create index instances_workflow_created on instances (workflow_id, created_at desc);
create index instances_status_created on instances (status, created_at desc);
create index instances_finished on instances (finished_at) where status in ('Completed', 'Cancelled');

create table journal (
    instance_id text not null,
    sequence bigint not null,
    kind text not null,
    activity_id text not null,
    activity_type text not null,
    scope text not null,
    attempt integer not null,
    started_at bigint not null,
    completed_at bigint not null,
    input text,
    output text,
    outcomes text[] not null,
    error_message text,
    error_kind text,
    error_retryable boolean,
    loop_key text,
    item_index integer,
    primary key (instance_id, sequence)
);
create index journal_loop on journal (instance_id, loop_key, item_index) where loop_key is not null;

create table dead_letters (
    id text primary key,
    kind text not null,
    instance_id text not null,
    workflow_id text not null,
    workflow_version integer not null,
    activity_id text not null,
    scope text not null,
    reason text not null,
    error_message text,
    error_kind text,
    error_retryable boolean,
    message text,
    created_at bigint not null,
    status text not null,
    closed_at bigint
);
create index dead_letters_created on dead_letters (created_at desc);
create index dead_letters_instance on dead_letters (instance_id);
create index dead_letters_open on dead_letters (instance_id) where status = 'Open';

create table bookmarks (
    id text primary key,
    instance_id text not null,
    activity_id text not null,
    scope text not null,
    name text not null,
    correlation_key text,
    resume_at bigint,
    payload text,
    created_at bigint not null
);
create index bookmarks_instance on bookmarks (instance_id);
create index bookmarks_name on bookmarks (name, correlation_key);
create index bookmarks_due on bookmarks (resume_at) where resume_at is not null;

create table events (
    id text primary key,
    name text not null,
    correlation_key text,
    payload text not null,
    source_instance_id text,
    source_activity_id text,
    created_at bigint not null,
    dispatched_at bigint
);
create index events_pending on events (created_at) where dispatched_at is null;
create index events_dispatched on events (dispatched_at) where dispatched_at is not null;

-- A key over 200 characters is indexed by its SHA-256 (a b-tree entry is limited to about 2.7 kB).
create table idempotency (
    id text primary key,
    key text not null,
    result text,
    recorded_at bigint not null
);
create index idempotency_recorded on idempotency (recorded_at);

create table api_keys (
    id text primary key,
    name text not null,
    prefix text not null,
    hash text not null unique,
    scopes text[] not null,
    created_at bigint not null,
    revoked_at bigint
);

create table connections (
    id text primary key,
    type text not null,
    settings text not null,
    secret_key_id text,
    secret_ciphertext text,
    created_at bigint not null,
    updated_at bigint not null,
    etag text not null
);

create table cross_references (
    entity_type text not null,
    system text not null,
    external_id text not null,
    canonical_id text not null,
    linked_at bigint not null,
    primary key (entity_type, system, external_id),
    unique (entity_type, canonical_id, system)
);

create table schedules (
    id text primary key,
    workflow_id text not null,
    version integer not null,
    trigger_id text not null,
    cron text,
    interval_ticks bigint,
    time_zone text not null,
    misfire text not null,
    active_since bigint not null,
    last_fire_time bigint,
    next_fire_time bigint,
    updated_at bigint not null
);

create table schedule_firings (
    schedule_id text not null,
    fire_time bigint not null,
    instance_id text not null,
    claimed_by text not null,
    claimed_at bigint not null,
    completed_at bigint,
    primary key (schedule_id, fire_time)
);
create index schedule_firings_unfinished on schedule_firings (claimed_at) where completed_at is null;

create table watermarks (
    workflow_id text not null,
    name text not null,
    value text not null,
    updated_at bigint not null,
    updated_by text,
    primary key (workflow_id, name)
);
