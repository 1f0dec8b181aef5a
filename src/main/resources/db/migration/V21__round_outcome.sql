-- A round's outcome is one of two words, and only a closed round has one.
ALTER TABLE consensus_round
    ADD CONSTRAINT ck_round_outcome CHECK (outcome IS NULL OR outcome IN ('ADOPTED', 'NOT_ADOPTED'));
