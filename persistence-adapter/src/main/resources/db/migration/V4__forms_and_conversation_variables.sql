-- An app's user input form and the conversation variables its conversations start with, both as
-- JSON text (persistence-adapter StoredAppSettings spells out the stored shape). Completion apps
-- made before this migration get Dify's default completion form: one required paragraph, query.
alter table app add column user_input_form varchar not null default '[]';
alter table app add column conversation_variables varchar not null default '[]';
update app set user_input_form =
    '[{"type":"paragraph","variable":"query","label":"Query","required":true,"default":""}]'
    where mode = 'completion';

-- One row per variable of a conversation, made from the app's declarations in the transaction
-- that creates the conversation (T2). Owner columns are repeated so every query is scoped by app
-- and user (R4); position keeps the declaration order (rows of one insert share created_at).
create table conversation_variable (
    id              uuid                        not null primary key,
    conversation_id uuid                        not null references conversation (id),
    app_id          uuid                        not null references app (id),
    end_user_id     uuid                        not null references end_user (id),
    position        integer                     not null,
    name            varchar(100)                not null,
    value_type      varchar(32)                 not null,
    value_json      varchar                     not null,
    description     varchar                     not null default '',
    created_at      timestamp(6) with time zone not null default current_timestamp,
    updated_at      timestamp(6) with time zone not null default current_timestamp,
    constraint conversation_variable_name_unique unique (conversation_id, name)
);
create index conversation_variable_conversation_idx on conversation_variable (conversation_id, position);
