-- detente store, migration 1: articles, events, actor mentions, rejected inputs.
-- Events and mentions are replaced per article (delete, then insert) so that re-ingesting
-- an article never duplicates; no primary keys on the big tables, because DuckDB's
-- indexes cost memory and insert speed that a 10-million-event store cannot spare.

CREATE TABLE articles (
    article_id      VARCHAR NOT NULL,
    title           VARCHAR,
    text            VARCHAR,
    date            DATE,
    source          VARCHAR,
    url             VARCHAR,
    dateline_place  VARCHAR,
    dateline_region VARCHAR,
    dateline_agency VARCHAR,
    dateline_date   VARCHAR,
    origin          VARCHAR,
    metadata        JSON,
    n_events        INTEGER,
    coded_at        TIMESTAMP
);

CREATE TABLE events (
    event_id         VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    sentence_index   INTEGER,
    date             DATE,
    date_granularity VARCHAR,
    date_rule        VARCHAR,
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_sectors   VARCHAR[],
    source_org       VARCHAR,
    source_name      VARCHAR,
    source_text      VARCHAR,
    source_start     INTEGER,
    source_end       INTEGER,
    source_kind      VARCHAR,
    source_reason    VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_sectors   VARCHAR[],
    target_org       VARCHAR,
    target_name      VARCHAR,
    target_text      VARCHAR,
    target_start     INTEGER,
    target_end       INTEGER,
    target_kind      VARCHAR,
    target_reason    VARCHAR,
    cameo            VARCHAR NOT NULL,
    cameo_root       VARCHAR NOT NULL,
    cameo_name       VARCHAR,
    quad_class       TINYINT NOT NULL,
    goldstein        DOUBLE NOT NULL,
    plover_type      VARCHAR,
    plover_mode      VARCHAR,
    location         JSON,
    evidence_text    VARCHAR,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    trigger_text     VARCHAR,
    trigger_start    INTEGER,
    trigger_end      INTEGER,
    confidence       DOUBLE,
    reason           VARCHAR
);

CREATE TABLE actor_mentions (
    article_id VARCHAR NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    code       VARCHAR,
    kind       VARCHAR,
    country    VARCHAR,
    sectors    VARCHAR[],
    org        VARCHAR,
    name       VARCHAR,
    text       VARCHAR,
    reason     VARCHAR
);

CREATE TABLE rejected (
    origin      VARCHAR NOT NULL,
    error_code  VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    article_id  VARCHAR,
    rejected_at TIMESTAMP
);
