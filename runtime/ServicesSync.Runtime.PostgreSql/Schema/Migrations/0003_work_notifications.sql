-- Wakes the other nodes when work for them is committed, so an idle node reacts at once instead
-- of at its next poll. Statement triggers: one notification per statement (and PostgreSQL folds
-- equal notifications of one transaction into one), delivered only if the transaction commits.
-- The payload starts with the schema, so deployments sharing one database (each in its own
-- schema) do not wake each other.
create function servicessync_notify_events() returns trigger language plpgsql as $$
begin
    perform pg_notify('servicessync_work', current_schema() || ' events');
    return null;
end $$;

create trigger events_notify after insert on events
    for each statement execute function servicessync_notify_events();

-- Only bookmarks with a due time are timers; the others wait for a signal, an event or a child.
create function servicessync_notify_timers() returns trigger language plpgsql as $$
begin
    if exists (select 1 from inserted where resume_at is not null) then
        perform pg_notify('servicessync_work', current_schema() || ' timers');
    end if;
    return null;
end $$;

-- An upsert that re-arms an existing bookmark is an update; a trigger has transition tables for
-- one event only, hence two.
create trigger bookmarks_notify_insert after insert on bookmarks
    referencing new table as inserted
    for each statement execute function servicessync_notify_timers();

create trigger bookmarks_notify_update after update on bookmarks
    referencing new table as inserted
    for each statement execute function servicessync_notify_timers();

-- A cancellation asked of a run another node drives: kept until that node (or the one that takes
-- the run over) has acted on it, so a lost notification or a dying node loses no request.
create table run_cancellations (
    instance_id text primary key,
    requested_at bigint not null
);
