-- agent_thought.tool holds the names of one agent iteration's tool calls joined by ';', as the
-- model chose them: a reply with many calls (or long names) overflowed varchar(255) and the insert
-- failed, failing the run. Unbounded like the other text columns (varchar without length, which
-- both PostgreSQL and H2 take; default and not-null stay). See docs/adr/0022.
alter table agent_thought alter column tool set data type varchar;
