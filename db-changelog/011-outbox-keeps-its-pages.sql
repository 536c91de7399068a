--liquibase formatted sql

--changeset picloud:11
-- Settles must probe the primary key whatever the outbox's statistics say. A vacuum that found every
-- row settled gave the empty pages back and recorded an empty table; every prepared settle was then
-- planned again at once, against that empty table, where a sequential scan costs nothing, and kept
-- that plan while the table grew again until the next vacuum (hundreds of pages read per settle).
-- Kept pages make the scan of everything cost what it will. The app index held the row id as its
-- last column, so against zero tuples it tied with the primary key for id = ? and was chosen: a
-- scan of the whole index per settle. It now ends at created_at; the admin list's order on
-- (created_at, id) is sorted within equal times.
ALTER TABLE outbox SET (vacuum_truncate = false);
DROP INDEX outbox_app_idx;
CREATE INDEX outbox_app_idx ON outbox (app_id, created_at);
