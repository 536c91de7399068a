--liquibase formatted sql

--changeset picloud:4
-- One row per run (per attempt for retried events). execution_id names the logical execution, the
-- same across attempts; root_execution_id ties a whole trigger chain together.
CREATE TABLE execution_logs (
  id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id            UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  script_id         UUID NULL,
  execution_id      UUID NOT NULL,
  root_execution_id UUID NOT NULL,
  trigger_id        UUID NULL,
  route_id          UUID NULL,
  invocation        TEXT NOT NULL CHECK (invocation IN ('http', 'trigger', 'direct')),
  attempt           INTEGER NOT NULL DEFAULT 1,
  status            TEXT NOT NULL
                    CHECK (status IN ('success', 'error', 'timeout', 'budget_exceeded', 'overloaded')),
  request           JSONB NULL,
  response_code     INTEGER NULL,
  response_body     TEXT NULL,
  logs              JSONB NOT NULL DEFAULT '[]'::jsonb,
  error             TEXT NULL,
  duration_ms       INTEGER NOT NULL,
  queued_ms         INTEGER NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX execution_logs_app_recent_idx ON execution_logs (app_id, created_at DESC, id DESC);
CREATE INDEX execution_logs_script_recent_idx ON execution_logs (app_id, script_id, created_at DESC, id DESC);
CREATE INDEX execution_logs_root_idx ON execution_logs (app_id, root_execution_id);
CREATE INDEX execution_logs_execution_idx ON execution_logs (execution_id);
