-- Stop requests that did not find their run on the instance that received them: the instance
-- running the task polls for recent ones. Short-lived; older rows are deleted by housekeeping.
create table stop_request (
    task_id      uuid                        not null primary key,
    app_id       uuid                        not null references app (id),
    end_user     varchar(255)                not null,
    requested_at timestamp(6) with time zone not null default current_timestamp
);
create index stop_request_requested_idx on stop_request (requested_at);
