-- The service caps client text (a user, a name, a file name, an embedding model's name) in
-- characters as Dify counts them, code points; PostgreSQL's varchar(n) counts the same, but H2's
-- counts UTF-16 units, so a name of 255 emoji (510 units) overflowed there. The caps live in the
-- domain (Texts, FileNames); these columns become unbounded like the other text columns (as V7
-- did for agent_thought.tool): a metadata-only change on PostgreSQL. See docs/adr/0052.
alter table app alter column name set data type varchar;
alter table end_user alter column external_id set data type varchar;
alter table conversation alter column name set data type varchar;
alter table stop_request alter column end_user set data type varchar;
alter table upload_file alter column name set data type varchar;
alter table upload_file alter column extension set data type varchar;
alter table message_file alter column name set data type varchar;
alter table message_file alter column extension set data type varchar;
alter table annotation alter column embedding_model_key set data type varchar;
alter table annotation_reply_setting alter column embedding_provider_name set data type varchar;
alter table annotation_reply_setting alter column embedding_model_name set data type varchar;
alter table annotation_reply_setting alter column model_key set data type varchar;
