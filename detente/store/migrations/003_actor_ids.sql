-- detente store, migration 3: an `actors` table of every distinct (code, country, org) the
-- events name, and each event side's actor id. A query by actor key (TUR, TURMIL, NATO)
-- then tests the key against a few thousand actors and joins events on integer ids,
-- instead of testing three string columns on both sides of every event: `detente dyad`
-- over ten million events went from about 90 ms to about 35 ms (docs/benchmarks.md).
-- No index: the join reads the id columns in one scan, and an ART index would cost the
-- memory and insert speed that migration 1 declined to spend.

CREATE SEQUENCE actor_ids START 1;

CREATE TABLE actors (
    actor_id INTEGER NOT NULL,
    code     VARCHAR,
    country  VARCHAR,
    org      VARCHAR
);

ALTER TABLE events ADD COLUMN source_actor_id INTEGER;
ALTER TABLE events ADD COLUMN target_actor_id INTEGER;

-- Stores written before this migration: give their actors ids.
INSERT INTO actors
SELECT nextval('actor_ids'), code, country, org
FROM (
    SELECT source_code AS code, source_country AS country, source_org AS org FROM events
    UNION
    SELECT target_code, target_country, target_org FROM events
) AS named
WHERE code IS NOT NULL OR country IS NOT NULL OR org IS NOT NULL;

UPDATE events SET source_actor_id = a.actor_id
FROM actors a
WHERE a.code IS NOT DISTINCT FROM events.source_code
  AND a.country IS NOT DISTINCT FROM events.source_country
  AND a.org IS NOT DISTINCT FROM events.source_org;

UPDATE events SET target_actor_id = a.actor_id
FROM actors a
WHERE a.code IS NOT DISTINCT FROM events.target_code
  AND a.country IS NOT DISTINCT FROM events.target_country
  AND a.org IS NOT DISTINCT FROM events.target_org;
