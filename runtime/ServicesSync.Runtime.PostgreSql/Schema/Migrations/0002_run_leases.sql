-- Which node drives a run: a lease renewed by the node's heartbeat. A run that is Running with
-- no lease, or with an expired one, is an orphan another node takes over. No foreign key: a lease
-- is taken before the run's first commit, so no node ever sees it running without an owner.
create table run_leases (
    instance_id text primary key,
    node text not null,
    expires_at bigint not null
);
create index run_leases_node on run_leases (node);
