-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode: uuid, varchar (no length = unbounded
-- text), timestamp with time zone.
create table question (
    id          uuid                        not null primary key,
    text        varchar(2000)               not null,
    answer      varchar,
    created_at  timestamp(6) with time zone not null default current_timestamp,
    answered_at timestamp(6) with time zone
);
