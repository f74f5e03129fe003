-- The PARS a ledger reports to (one row): entries settled by one PARS are never taken as held by another.
create table pars_ledger_binding (
    id integer primary key,
    base_url varchar(500) not null,
    generation varchar(10) not null,
    provider_id varchar(7) not null,
    bound_at timestamp with time zone not null
);

-- Entries to confirm by CreditID before sending: those a PARS the ledger no longer reports to had settled.
alter table pars_ledger_entry add column confirm_first boolean default false not null;
