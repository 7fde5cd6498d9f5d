-- The operator's cleanup of unreferenced uploads (ADR 0059) asks, per upload, whether a message
-- file refers to it, and PostgreSQL's foreign-key check asks the same for each upload it deletes;
-- without an index each question scans message_file (H2 indexes a foreign key by itself).
create index message_file_upload_idx on message_file (upload_file_id);
