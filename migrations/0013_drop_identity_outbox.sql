-- Why: one-time codes now go through the notifications outbox (issue 7), which delivers them and wipes them once sent.
DROP TABLE identity_outbox;
