-- When application-service withdrew the application (application.withdrawn): no approval read afterwards is issued from.
ALTER TABLE known_application ADD COLUMN withdrawn_at TIMESTAMPTZ;
