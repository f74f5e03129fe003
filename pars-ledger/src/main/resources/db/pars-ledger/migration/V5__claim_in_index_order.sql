-- A drain takes the most urgent entries of a state in index order and stops after a batch; a sort of
-- every waiting entry per batch cost a full read of the backlog each time.
drop index pars_ledger_entry_state_due;
create index pars_ledger_entry_claim on pars_ledger_entry (state, due_date, id);
create index pars_ledger_entry_board_check on pars_ledger_entry (state, next_status_check_at, id);
