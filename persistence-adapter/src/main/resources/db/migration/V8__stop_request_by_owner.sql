-- A stop request is keyed by its task and its sender (app and end user): a stop sent first by
-- someone else, or with the wrong user, no longer hides the owner's. The rows live seconds, so the
-- table is rebuilt rather than altered (H2 and PostgreSQL name the old primary key differently);
-- a stop in flight during the upgrade is lost, and its sender may send it again.
drop table stop_request;
create table stop_request (
    task_id      uuid                        not null,
    app_id       uuid                        not null references app (id),
    end_user     varchar(255)                not null,
    requested_at timestamp(6) with time zone not null default current_timestamp,
    primary key (task_id, app_id, end_user)
);
create index stop_request_requested_idx on stop_request (requested_at);
