-- Secrets an admin saved for the engine connection (header value, client secret, keystore password).
-- The settings events name a row by secret_ref and never carry the value: the event store is streamed
-- as the audit replay and cannot forget, while a row here can be deleted once superseded.
CREATE TABLE engine_adapter_secret (
    secret_ref   VARCHAR(64)              NOT NULL PRIMARY KEY,
    secret_value TEXT                     NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
