-- Files (issue 15): uploads, the files attached to messages, and each app's media switches.
-- The bytes of an upload are not here: the file store keeps them under the upload's ID.

-- Owner columns as on message: an upload is found only by its own app and end user (R4).
create table upload_file (
    id          uuid                        not null primary key,
    app_id      uuid                        not null references app (id),
    end_user_id uuid                        not null references end_user (id),
    name        varchar(255)                not null,
    extension   varchar(32)                 not null default '',
    mime_type   varchar(255)                not null default '',
    size        bigint                      not null,
    created_at  timestamp(6) with time zone not null default current_timestamp
);
create index upload_file_owner_idx on upload_file (app_id, end_user_id);

-- One row per file a user attached to a message: an upload (upload_file_id) or a remote URL.
create table message_file (
    id             uuid                        not null primary key,
    message_id     uuid                        not null references message (id),
    app_id         uuid                        not null references app (id),
    end_user_id    uuid                        not null references end_user (id),
    position       integer                     not null,
    kind           varchar(16)                 not null,
    transfer       varchar(16)                 not null,
    upload_file_id uuid references upload_file (id),
    url            varchar                     not null default '',
    name           varchar(255)                not null default '',
    extension      varchar(32)                 not null default '',
    mime_type      varchar(255)                not null default '',
    size           bigint                      not null,
    created_at     timestamp(6) with time zone not null default current_timestamp
);
create index message_file_message_idx on message_file (message_id, position);

-- An app without a row has every switch off (Dify's defaults for a new app).
create table app_media (
    app_id          uuid         not null primary key references app (id),
    file_upload     boolean      not null,
    allowed_kinds   varchar(64)  not null,
    number_limits   integer      not null,
    transfers       varchar(64)  not null,
    speech_to_text  boolean      not null,
    text_to_speech  boolean      not null,
    voice           varchar(64)  not null default '',
    language        varchar(32)  not null default ''
);
