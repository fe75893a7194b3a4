-- Deliveries of an event whose handling began and has not finished. The row is written, and committed, before the
-- handler runs and deleted in the transaction of the handler's effect, so what a service that dies while handling an
-- event (a native library's crash on a crafted image, the JVM leaving on OutOfMemoryError, a pod killed for a hung
-- handler) leaves behind is this row, counted up at each delivery. An event whose earlier deliveries all ended that
-- way is dead-lettered instead of handled once more (UnfinishedDeliveries): one record cannot stop a service again
-- and again and hold up its partition. Event ids only, no content.
CREATE TABLE unfinished_delivery (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    deliveries   INTEGER      NOT NULL,
    first_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX unfinished_delivery_age ON unfinished_delivery (first_at);
