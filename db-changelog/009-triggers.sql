--liquibase formatted sql

--changeset picloud:9
CREATE TABLE triggers (
  id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id             UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  -- A script with triggers cannot be deleted (the API answers 409 script_in_use).
  script_id          UUID NOT NULL REFERENCES scripts(id),
  kind               TEXT NOT NULL CHECK (kind IN ('kv', 'docs', 'dead_letter')),
  enabled            BOOLEAN NOT NULL DEFAULT TRUE,
  retry_max_attempts INTEGER NOT NULL CHECK (retry_max_attempts BETWEEN 1 AND 100),
  retry_backoff      TEXT NOT NULL CHECK (retry_backoff IN ('exponential', 'linear', 'constant')),
  retry_base_ms      BIGINT NOT NULL CHECK (retry_base_ms >= 0),
  -- Trigger runs act as this user, with the user's role at dispatch time.
  registered_by      UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX triggers_app_kind_idx ON triggers (app_id, kind) WHERE enabled;
CREATE INDEX triggers_script_idx ON triggers (script_id);

CREATE TABLE kv_trigger_details (
  trigger_id      UUID PRIMARY KEY REFERENCES triggers(id) ON DELETE CASCADE,
  collection_glob TEXT NOT NULL,
  ops             TEXT[] NOT NULL DEFAULT '{}'
);

CREATE TABLE docs_trigger_details (
  trigger_id      UUID PRIMARY KEY REFERENCES triggers(id) ON DELETE CASCADE,
  collection_glob TEXT NOT NULL,
  ops             TEXT[] NOT NULL DEFAULT '{}'
);

CREATE TABLE dead_letter_trigger_details (
  trigger_id        UUID PRIMARY KEY REFERENCES triggers(id) ON DELETE CASCADE,
  source_filter     TEXT NULL,
  trigger_id_filter UUID NULL,
  script_id_filter  UUID NULL
);
