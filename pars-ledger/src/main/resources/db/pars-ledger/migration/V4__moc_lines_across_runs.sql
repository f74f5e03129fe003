-- Board rules that span records and runs: ABA's one record per diplomate, activity and completion date,
-- and ABP's equal credit for every learner of an activity. One row per rule a valid entry takes part in;
-- the diplomate is a keyed fingerprint of the board and its ID, never the ID itself.
create table pars_ledger_moc_key (
    entry_id bigint not null,
    rule_name varchar(16) not null,
    board varchar(12) not null,
    activity_id varchar(9) not null,
    completion_date date,
    diplomate varchar(64),
    patient_safety boolean default false not null,
    points decimal(10, 2),
    constraint pars_ledger_moc_key_entry foreign key (entry_id) references pars_ledger_entry (id) on delete cascade
);
create index pars_ledger_moc_key_day on pars_ledger_moc_key (rule_name, board, activity_id, completion_date, diplomate);
create index pars_ledger_moc_key_activity on pars_ledger_moc_key (rule_name, board, activity_id);
create index pars_ledger_moc_key_of_entry on pars_ledger_moc_key (entry_id);
