-- Per-actor request counts of the current minute (governance §7), shared by every instance on this
-- database so that a limit means the same on one instance or several (docs/DECISIONS.md §8).
CREATE TABLE rate_window (
    counter       VARCHAR NOT NULL,
    window_minute BIGINT  NOT NULL,
    requests      INTEGER NOT NULL,
    PRIMARY KEY (counter, window_minute)
);

-- Admissions already charged: a decision re-run after a concurrency conflict is not charged twice.
CREATE TABLE rate_admission (
    admission_id  VARCHAR NOT NULL PRIMARY KEY,
    window_minute BIGINT  NOT NULL
);
CREATE INDEX rate_admission_minute ON rate_admission (window_minute);
