-- Annotations (Dify's message_annotation) and annotation reply. The vectors live in plain columns
-- (float32 little-endian in bytea, with the key of the model that computed them), not in a vector
-- extension the database may lack: the application compares them in memory (docs/persistence.md).
create table annotation (
    id                  uuid                        not null primary key,
    app_id              uuid                        not null references app (id),
    question            varchar                     not null,
    answer              varchar                     not null,
    hit_count           integer                     not null default 0,
    embedding           bytea,
    embedding_model_key varchar(600),
    created_at          timestamp(6) with time zone not null default current_timestamp,
    updated_at          timestamp(6) with time zone not null default current_timestamp
);
-- The newest-first list and the matcher's read of one model's vectors.
create index annotation_app_created_idx on annotation (app_id, created_at, id);
create index annotation_app_model_idx on annotation (app_id, embedding_model_key);

-- One row per app that ever enabled annotation reply; version moves with every change of the
-- settings or of a vector, so an instance reloads its in-memory vectors only when it moved.
create table annotation_reply_setting (
    app_id                  uuid                        not null primary key references app (id),
    enabled                 boolean                     not null,
    score_threshold         double precision            not null,
    embedding_provider_name varchar(255)                not null,
    embedding_model_name    varchar(255)                not null,
    model_key               varchar(600)                not null,
    version                 bigint                      not null,
    updated_at              timestamp(6) with time zone not null default current_timestamp
);

-- Enable and disable jobs, so that any instance can report their status.
create table annotation_job (
    id            uuid                        not null primary key,
    app_id        uuid                        not null references app (id),
    action        varchar(16)                 not null,
    status        varchar(16)                 not null,
    error_message varchar                     not null default '',
    created_at    timestamp(6) with time zone not null default current_timestamp,
    updated_at    timestamp(6) with time zone not null default current_timestamp
);
create index annotation_job_app_idx on annotation_job (app_id, action, updated_at);

-- Dify's annotation hit history: one row per query an annotation answered.
create table annotation_hit (
    id            uuid                        not null primary key,
    annotation_id uuid                        not null references annotation (id),
    app_id        uuid                        not null references app (id),
    message_id    uuid                        not null,
    end_user_id   uuid                        not null,
    query         varchar                     not null,
    score         double precision            not null,
    created_at    timestamp(6) with time zone not null default current_timestamp
);
create index annotation_hit_annotation_idx on annotation_hit (annotation_id);
