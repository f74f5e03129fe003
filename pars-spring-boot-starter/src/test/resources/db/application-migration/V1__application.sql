-- The application's own schema, migrated by its own Flyway before the ledger's tables exist.
create table application_course (id int primary key);
