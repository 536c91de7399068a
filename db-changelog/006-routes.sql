--liquibase formatted sql

--changeset picloud:6
CREATE TABLE routes (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id        UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  -- A script with routes cannot be deleted (the API answers 409 script_in_use). NO ACTION, checked
  -- at the end of the statement, so deleting the whole app still cascades to both.
  script_id     UUID NOT NULL REFERENCES scripts(id),
  host          TEXT NULL,
  method        TEXT NULL,
  path_kind     TEXT NOT NULL CHECK (path_kind IN ('exact', 'param', 'prefix')),
  path          TEXT NOT NULL,
  dispatch_mode TEXT NOT NULL DEFAULT 'sync' CHECK (dispatch_mode IN ('sync', 'async')),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- NULL host/method mean "any": coalesced so that two any-host routes collide too (PostgreSQL 13
-- has no NULLS NOT DISTINCT).
CREATE UNIQUE INDEX routes_unique_idx
  ON routes (app_id, coalesce(host, ''), coalesce(method, ''), path_kind, path);
CREATE INDEX routes_script_idx ON routes (script_id);

-- Bumped on every change to an app's routes, domains or slug: each node compares it with the
-- version its compiled route table was built from.
ALTER TABLE apps ADD COLUMN routing_version BIGINT NOT NULL DEFAULT 0;

-- Idempotency-Key of async routes: the first 202 is answered again for 24 hours.
CREATE TABLE idempotency_keys (
  app_id       UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  route_id     UUID NOT NULL,
  key          TEXT NOT NULL,
  execution_id UUID NOT NULL,
  accepted_at  TIMESTAMPTZ NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (app_id, route_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
