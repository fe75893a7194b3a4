-- The retention finds published rows past their retention in small batches (MessagingRetention); without an index
-- each batch would read the whole table again.
CREATE INDEX outbox_message_published ON outbox_message (published_at) WHERE published_at IS NOT NULL;
