-- shortlease schema. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode
-- (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH), so it sticks to
-- types both understand: uuid, varchar (no length = unbounded text; H2's TEXT would be a CLOB),
-- integer, bigint, double precision, boolean, timestamp with time zone.
-- Timestamps default in the database; the adapter reads created_at back after an insert.

create table app (
    id                  uuid                        not null primary key,
    name                varchar(255)                not null,
    description         varchar                     not null default '',
    mode                varchar(16)                 not null,
    model               varchar(255)                not null,
    temperature         double precision,
    max_tokens          integer,
    system_prompt       varchar                     not null default '',
    opening_statement   varchar                     not null default '',
    suggested_questions varchar                     not null default '[]',
    status              varchar(16)                 not null,
    api_enabled         boolean                     not null,
    created_at          timestamp(6) with time zone not null default current_timestamp,
    updated_at          timestamp(6) with time zone not null default current_timestamp
);

create table api_key (
    id         uuid                        not null primary key,
    app_id     uuid                        not null references app (id),
    hash       varchar(64)                  not null,
    prefix     varchar(32)                 not null,
    created_at timestamp(6) with time zone not null default current_timestamp,
    revoked_at timestamp(6) with time zone,
    constraint api_key_hash_unique unique (hash)
);
create index api_key_app_idx on api_key (app_id, created_at);

create table end_user (
    id          uuid                        not null primary key,
    app_id      uuid                        not null references app (id),
    external_id varchar(255)                not null,
    created_at  timestamp(6) with time zone not null default current_timestamp,
    constraint end_user_app_external_unique unique (app_id, external_id)
);

create table conversation (
    id          uuid                        not null primary key,
    app_id      uuid                        not null references app (id),
    end_user_id uuid                        not null references end_user (id),
    name        varchar(255)                not null default '',
    inputs      varchar                     not null default '{}',
    status      varchar(16)                 not null,
    created_at  timestamp(6) with time zone not null default current_timestamp,
    updated_at  timestamp(6) with time zone not null default current_timestamp
);
-- The owner-scoped list, in both sort keys, with the ID as tie-breaker for keyset pages.
create index conversation_owner_created_idx on conversation (app_id, end_user_id, created_at, id);
create index conversation_owner_updated_idx on conversation (app_id, end_user_id, updated_at, id);

-- Owner columns are repeated on message so every message query is scoped by app and user (R4)
-- without a join.
create table message (
    id                uuid                        not null primary key,
    conversation_id   uuid                        not null references conversation (id),
    app_id            uuid                        not null references app (id),
    end_user_id       uuid                        not null references end_user (id),
    query             varchar                     not null default '',
    inputs            varchar                     not null default '{}',
    answer            varchar                     not null default '',
    status            varchar(16)                 not null,
    error             varchar,
    prompt_tokens     integer                     not null default 0,
    completion_tokens integer                     not null default 0,
    latency_nanos     bigint                      not null default 0,
    feedback_rating   varchar(16),
    feedback_content  varchar,
    created_at        timestamp(6) with time zone not null default current_timestamp,
    updated_at        timestamp(6) with time zone not null default current_timestamp
);
create index message_conversation_idx on message (conversation_id, created_at, id);
create index message_owner_idx on message (app_id, end_user_id);
-- failAbandoned looks for old running messages.
create index message_status_idx on message (status, created_at);

create table agent_thought (
    id                uuid                        not null primary key,
    message_id        uuid                        not null references message (id),
    position          integer                     not null,
    thought           varchar                     not null default '',
    tool              varchar(255)                not null default '',
    tool_input        varchar                     not null default '',
    observation       varchar                     not null default '',
    prompt_tokens     integer                     not null default 0,
    completion_tokens integer                     not null default 0,
    created_at        timestamp(6) with time zone not null default current_timestamp
);
create index agent_thought_message_idx on agent_thought (message_id, position);
