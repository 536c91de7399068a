--liquibase formatted sql

--changeset picloud:7
-- An app's key-value entries (SPEC 6.4). Collection and key compare byte-wise (COLLATE "C", which
-- on UTF-8 is Unicode code point order): list pages come in the order KvSession merges a run's
-- pending writes in, whatever the database's default collation. version is 1 for a new entry and
-- grows by one on every write; a run's commit compares it with the version the run read (KvStore).
-- version 0 marks a key a committing transaction has reserved; such a row is rewritten or deleted
-- before that transaction's commit statements return, so no committed row ever has version 0.
CREATE TABLE kv_entries (
  app_id     UUID NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  collection TEXT COLLATE "C" NOT NULL CHECK (octet_length(collection) BETWEEN 1 AND 512),
  key        TEXT COLLATE "C" NOT NULL CHECK (octet_length(key) BETWEEN 1 AND 512),
  value      JSONB NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1 CHECK (version >= 0),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (app_id, collection, key)
);
