-- A run (a roster read in slices, one recordAndDrain call per slice) records each completion key
-- once: a key it records again is refused as a repeat rather than replacing what it recorded. A
-- run is stored as 64 bits of its name's SHA-256. The entry holds the run that last recorded its
-- content (null outside a run); an entry a run found unchanged gets a row in the narrow table
-- beside it (one per entry, the latest such run), which costs less than rewriting the entry and
-- each of its index entries.
alter table pars_ledger_entry add column if not exists recording_run bigint;
create table if not exists pars_ledger_run_mark (
    entry_id bigint primary key,
    run bigint not null
);
