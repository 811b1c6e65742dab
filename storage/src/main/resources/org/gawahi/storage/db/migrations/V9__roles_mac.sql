-- The role table's MAC: sealed to the collective's public key, the table is secret but not
-- authentic (anyone with the disk can seal a replacement), so each write also stores an
-- HMAC under a key derived from the collective's private key, which only an unlocked Gawahi
-- holds. A table without it is authenticated once, by the run that authenticates earlier
-- decisions, and refused afterwards.
ALTER TABLE roles ADD COLUMN mac BLOB;
