--liquibase formatted sql

--changeset picloud:10
-- The rescuer's index of claimed rows, keyed on what it filters by. Its predicate was
-- claimed_by IS NOT NULL, which every settle's fence (claimed_by = ?) implies: with statistics
-- taken when the outbox held a few rows, the generic plan of a settle scanned the whole index, every
-- claimed row deleted since the last vacuum, instead of probing the primary key.
DROP INDEX outbox_lease_idx;
CREATE INDEX outbox_lease_idx ON outbox (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
