-- detente store, migration 2: every mention of an event (an article can state the same
-- event several times; the event is stored once with all its evidence).
ALTER TABLE events ADD COLUMN mentions JSON;
ALTER TABLE events ADD COLUMN mention_count INTEGER DEFAULT 1;
