-- Staff events (gate alarms, tamper, rejections, ...) are stored before they are published and
-- deleted once the broker has confirmed them (QoS 1). "alarm" rows never give way to the bound;
-- routine rows do, oldest first (docs/gate.md, "Durable events").
CREATE TABLE device_events (
  sequence   INTEGER PRIMARY KEY AUTOINCREMENT,
  alarm      INTEGER NOT NULL CHECK (alarm IN (0, 1)),
  payload    BLOB NOT NULL,
  stored_at  TEXT NOT NULL
);
CREATE INDEX device_events_routine ON device_events (sequence) WHERE alarm = 0;
