-- The instance list orders by (created_at desc, id desc) and filters by workflow, status, both, and
-- a creation range. Version 1's indexes had no id (so every page was sorted again by id) and none
-- for workflow and status together (a rare status of one workflow walked one of them row by row).
-- Each filter now has an index in the list's order holding every column it filters on, so a page
-- and its bounded count read index entries only (docs/benchmarks.md, "A big PostgreSQL store").
--
-- Built inside the migration's transaction: on a store that already holds millions of runs,
-- writers wait for the build (seconds per million instances) once, at the upgrade.
create index instances_list on instances (created_at desc, id desc);
create index instances_workflow_list on instances (workflow_id, created_at desc, id desc);
create index instances_status_list on instances (status, created_at desc, id desc);
create index instances_workflow_status_list on instances (workflow_id, status, created_at desc, id desc);
drop index instances_created;
drop index instances_workflow_created;
drop index instances_status_created;
