WITH written AS (
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    VALUES (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, COALESCE(CAST(@GrainIdExtensionString AS varchar), ''), @ServiceId, @PayloadBinary, now(), 1)
    ON CONFLICT (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)
    DO UPDATE SET PayloadBinary = excluded.PayloadBinary, ModifiedOn = excluded.ModifiedOn, Version = OrleansStorage.Version + 1
    WHERE OrleansStorage.Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version)
SELECT Version AS NewGrainStateVersion FROM written
UNION ALL
-- Nothing written: hand back the caller's version, which Orleans reads as a concurrency conflict.
SELECT CAST(@GrainStateVersion AS integer) WHERE NOT EXISTS (SELECT 1 FROM written) AND CAST(@GrainStateVersion AS integer) IS NOT NULL;
