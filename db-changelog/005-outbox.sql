--liquibase formatted sql

--changeset picloud:5
-- The outbox is the dispatcher's queue: one row per pending run. A row is claimed by one node at a
-- time (claimed_by/claimed_at/lease_expires_at, all set or all NULL); every claim increments
-- claim_epoch, and every settle names the epoch it holds, so a node whose lease was taken over can
-- no longer change the row. attempt_count is counted at claim time. script_id and trigger_id carry
-- no foreign key: a row outlives a deleted script (the run then fails) and trigger_id is a route id
-- for http rows.
CREATE TABLE outbox (
  id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id            UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  source_kind       TEXT NOT NULL CHECK (source_kind IN ('http', 'kv', 'docs', 'dead_letter')),
  trigger_id        UUID NULL,
  script_id         UUID NOT NULL,
  -- Sync rows only: the inbox entry waiting for the result and the node that holds it.
  reply_to          UUID NULL,
  reply_node        TEXT NULL,
  payload           JSONB NOT NULL,
  origin_principal  JSONB NULL,
  trigger_depth     INTEGER NOT NULL DEFAULT 0 CHECK (trigger_depth >= 0),
  -- The logical execution, the same for every attempt; the id async callers are given.
  execution_id      UUID NOT NULL,
  root_execution_id UUID NOT NULL,
  attempt_count     INTEGER NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
  next_attempt_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  claimed_by        TEXT NULL,
  claimed_at        TIMESTAMPTZ NULL,
  lease_expires_at  TIMESTAMPTZ NULL,
  claim_epoch       BIGINT NOT NULL DEFAULT 0,
  idempotency_key   TEXT NULL,
  -- One entry per failed attempt: {attempt, at, started_at, node, code, error, status}.
  errors            JSONB NOT NULL DEFAULT '[]'::jsonb,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT outbox_claim_whole CHECK (
    (claimed_by IS NULL) = (claimed_at IS NULL) AND (claimed_by IS NULL) = (lease_expires_at IS NULL)),
  CONSTRAINT outbox_sync_whole CHECK ((reply_to IS NULL) = (reply_node IS NULL))
);
-- Every row is inserted, updated at each claim, retry or rescue, and deleted: vacuum often, so the
-- claim and the oldest-due probe do not step over long runs of dead index entries.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05);
-- The claim scans this in next_attempt_at order; claimed rows are not in it.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE claimed_by IS NULL;
-- The rescuer finds expired leases here; unclaimed rows are not in it.
CREATE INDEX outbox_lease_idx ON outbox (lease_expires_at) WHERE claimed_by IS NOT NULL;
-- Sync rows left unclaimed by a node that died are found here by age (no lease ever expires).
CREATE INDEX outbox_sync_idx ON outbox (created_at) WHERE reply_to IS NOT NULL;
CREATE INDEX outbox_app_idx ON outbox (app_id, created_at, id);
CREATE INDEX outbox_trigger_idx ON outbox (trigger_id) WHERE trigger_id IS NOT NULL;

-- Async rows that ran out of attempts, with their whole error history. first/last_attempt_at are
-- the start times of the first and the last attempt. A failed dead-letter handler sets
-- resolution = handler_failed and leaves the row unresolved (resolved_at NULL).
CREATE TABLE dead_letters (
  id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id            UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  original_event_id UUID NOT NULL,
  source            TEXT NOT NULL CHECK (source IN ('http', 'kv', 'docs')),
  op                TEXT NOT NULL,
  trigger_id        UUID NULL,
  script_id         UUID NOT NULL,
  payload           JSONB NOT NULL,
  attempt_count     INTEGER NOT NULL,
  first_attempt_at  TIMESTAMPTZ NOT NULL,
  last_attempt_at   TIMESTAMPTZ NOT NULL,
  last_error        TEXT NOT NULL,
  errors            JSONB NOT NULL DEFAULT '[]'::jsonb,
  execution_id      UUID NOT NULL,
  root_execution_id UUID NOT NULL,
  resolved_at       TIMESTAMPTZ NULL,
  resolution        TEXT NULL
                    CHECK (resolution IN ('replayed', 'ignored', 'handled_by_script', 'handler_failed')),
  resolution_note   TEXT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT dead_letters_resolution_state CHECK (
    CASE WHEN resolved_at IS NULL THEN resolution IS NULL OR resolution = 'handler_failed'
         ELSE resolution IN ('replayed', 'ignored', 'handled_by_script') END)
);
CREATE INDEX dead_letters_app_idx ON dead_letters (app_id, created_at DESC, id DESC);
CREATE INDEX dead_letters_unresolved_idx ON dead_letters (app_id, created_at DESC, id DESC)
  WHERE resolved_at IS NULL;
CREATE INDEX dead_letters_created_idx ON dead_letters (created_at);

-- Results of sync runs that finished after their caller's wait budget; result_summary is cut to
-- 4096 bytes on a character boundary by the writer.
CREATE TABLE abandoned_executions (
  id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id         UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  outbox_id      UUID NOT NULL,
  execution_id   UUID NOT NULL,
  script_id      UUID NOT NULL,
  inbox_id       UUID NOT NULL,
  status_code    INTEGER NULL,
  result_summary TEXT NULL CHECK (octet_length(result_summary) <= 4096),
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX abandoned_executions_app_idx ON abandoned_executions (app_id, created_at DESC, id DESC);
CREATE INDEX abandoned_executions_created_idx ON abandoned_executions (created_at);
