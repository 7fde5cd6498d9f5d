-- An app's model name is capped in the domain (ModelSettings, 255 characters as code points), as
-- V10 did for the other client-given names: H2's varchar(255) counts UTF-16 units, so 255 emoji
-- overflowed there. Unbounded like the others: a metadata-only change on PostgreSQL.
alter table app alter column model set data type varchar;
