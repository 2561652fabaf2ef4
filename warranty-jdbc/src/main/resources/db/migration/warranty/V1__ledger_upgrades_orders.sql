-- warranty-kit schema, part 1: coverage ledger, upgrade requests, online observations, orders.
-- Portable SQL for H2 2.x and PostgreSQL 12+. Instants are TIMESTAMP WITH TIME ZONE (microseconds).
-- Correctness rests on constraints and conditional updates, never on application locks.

-- Append-only: rows are only ever inserted. The primary key (serial, seq) makes an append with a
-- stale expected count fail on the constraint, so of two concurrent appends exactly one commits.
CREATE TABLE wk_coverage (
    serial           VARCHAR(20)  NOT NULL,
    seq              INTEGER      NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    start_date       DATE         NOT NULL,
    end_date         DATE         NOT NULL,
    source           VARCHAR(1000) NOT NULL,
    rule_set_version VARCHAR(255) NOT NULL,
    fired_rules      VARCHAR(100000) NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wk_coverage_pk PRIMARY KEY (serial, seq),
    CONSTRAINT wk_coverage_seq CHECK (seq >= 0),
    CONSTRAINT wk_coverage_kind CHECK (kind IN ('STANDARD', 'UPGRADE', 'EXTENSION', 'PROMOTION')),
    CONSTRAINT wk_coverage_span CHECK (end_date >= start_date)
);

-- At most one pending request per device (primary key).
CREATE TABLE wk_upgrade_request (
    serial       VARCHAR(20)  NOT NULL,
    requested_by VARCHAR(128) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wk_upgrade_request_pk PRIMARY KEY (serial)
);

-- The earliest time the service saw the device online.
CREATE TABLE wk_device_online (
    serial       VARCHAR(20) NOT NULL,
    online_since TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wk_device_online_pk PRIMARY KEY (serial)
);

-- Orders: the idempotency key is unique per account; state moves only by
-- UPDATE ... WHERE order_id = ? AND state = ? (compare-and-set).
CREATE TABLE wk_order (
    order_id          VARCHAR(64)  NOT NULL,
    account_id        VARCHAR(128) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    total_amount      NUMERIC(19, 4) NOT NULL,
    currency          CHAR(3)      NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    pay_by            TIMESTAMP WITH TIME ZONE NOT NULL,
    payment_reference VARCHAR(255),
    closed_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT wk_order_pk PRIMARY KEY (order_id),
    CONSTRAINT wk_order_key UNIQUE (account_id, idempotency_key),
    CONSTRAINT wk_order_state CHECK (state IN ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT wk_order_paid CHECK ((state = 'PAID') = (payment_reference IS NOT NULL)),
    CONSTRAINT wk_order_closed CHECK ((state = 'PENDING_PAYMENT') = (closed_at IS NULL))
);
CREATE INDEX wk_order_pending ON wk_order (state, pay_by);
CREATE INDEX wk_order_account ON wk_order (account_id, created_at);

CREATE TABLE wk_order_line (
    order_id         VARCHAR(64)  NOT NULL,
    line_no          INTEGER      NOT NULL,
    serial           VARCHAR(20)  NOT NULL,
    offer_id         VARCHAR(32)  NOT NULL,
    months           INTEGER      NOT NULL,
    price_amount     NUMERIC(19, 4) NOT NULL,
    currency         CHAR(3)      NOT NULL,
    rule_set_version VARCHAR(255) NOT NULL,
    fired_rules      VARCHAR(100000) NOT NULL,
    CONSTRAINT wk_order_line_pk PRIMARY KEY (order_id, line_no),
    CONSTRAINT wk_order_line_order FOREIGN KEY (order_id) REFERENCES wk_order (order_id),
    CONSTRAINT wk_order_line_device UNIQUE (order_id, serial)
);

-- Ownership changes (house sale) over the read-only registry: the current owner per device,
-- moved only by a conditional update, and an append-only history of every transfer.
CREATE TABLE wk_ownership (
    serial         VARCHAR(20)  NOT NULL,
    owner_id       VARCHAR(128) NOT NULL,
    transfers      INTEGER      NOT NULL,
    transferred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wk_ownership_pk PRIMARY KEY (serial)
);
CREATE INDEX wk_ownership_owner ON wk_ownership (owner_id);

CREATE TABLE wk_ownership_transfer (
    serial         VARCHAR(20)  NOT NULL,
    seq            INTEGER      NOT NULL,
    from_owner     VARCHAR(128) NOT NULL,
    to_owner       VARCHAR(128) NOT NULL,
    transferred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wk_ownership_transfer_pk PRIMARY KEY (serial, seq)
);
