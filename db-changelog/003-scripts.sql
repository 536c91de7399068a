--liquibase formatted sql

--changeset picloud:3
CREATE TABLE scripts (
  id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id          UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  source          TEXT NOT NULL,
  -- NULL = the platform default (10 s for sync and direct runs, 60 s for async and trigger runs).
  timeout_seconds INTEGER NULL CHECK (timeout_seconds > 0),
  limits          JSONB NOT NULL DEFAULT '{}'::jsonb,
  version         BIGINT NOT NULL DEFAULT 1,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (app_id, name)
);
