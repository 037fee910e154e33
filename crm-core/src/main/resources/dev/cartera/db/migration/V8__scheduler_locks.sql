-- Locks of Cartera's periodic jobs (ShedLock's layout), so two nodes never run the same job at once.
-- Infrastructure, not tenant data: one row per job name.
create table crm_shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp(3) not null,
    locked_at timestamp(3) not null,
    locked_by varchar(255) not null
);
