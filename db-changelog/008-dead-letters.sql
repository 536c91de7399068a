--liquibase formatted sql

--changeset picloud:8
-- The execution a replay enqueued (its own root), so a replayed dead letter leads to what became
-- of it; NULL for every other resolution.
ALTER TABLE dead_letters ADD COLUMN replay_execution_id UUID NULL;
-- Housekeeping deletes execution logs by age across all apps; the other indexes lead with app_id.
CREATE INDEX execution_logs_created_idx ON execution_logs (created_at);
