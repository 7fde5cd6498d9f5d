-- Which service instances are alive: each renews lease_until (database clock) on its own row.
-- A message names the instance running it, so when that instance's lease runs out any other
-- instance can end its running messages (InstanceLeaseAdapter). Rows of instances dead for a day
-- are deleted; a message naming a deleted instance counts as abandoned.
create table service_instance (
    id          uuid                        not null primary key,
    started_at  timestamp(6) with time zone not null default current_timestamp,
    lease_until timestamp(6) with time zone not null
);
-- Null for messages written before this migration: the age rule (failAbandoned) covers those.
alter table message add column instance_id uuid;
