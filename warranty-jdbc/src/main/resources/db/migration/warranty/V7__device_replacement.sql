-- warranty-kit schema, part 7: device swaps (RMA), one row per swap (JdbcReplacementStore).
-- Portable SQL for H2 2.x and PostgreSQL 12+. Instants are TIMESTAMP WITH TIME ZONE (microseconds).
--
-- The primary key replaces a device at most once and the unique key uses a device as a replacement
-- at most once, so of concurrent swaps of one faulty device, or onto one replacement, exactly one
-- commits. That a replacement was not itself replaced is checked by the store in the same
-- transaction. Rows are only inserted, and deleted only by the service undoing a swap it could not
-- complete. No existing row is touched.
CREATE TABLE wk_replacement (
    faulty_serial      VARCHAR(20) NOT NULL,
    replacement_serial VARCHAR(20) NOT NULL,
    replaced_on        DATE        NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wk_replacement_pk PRIMARY KEY (faulty_serial),
    CONSTRAINT wk_replacement_once UNIQUE (replacement_serial),
    CONSTRAINT wk_replacement_other CHECK (faulty_serial <> replacement_serial)
);
