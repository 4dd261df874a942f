WITH cleared AS (
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
      AND ServiceId = @ServiceId
      AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version)
SELECT Version AS NewGrainStateVersion FROM cleared
UNION ALL
SELECT CAST(@GrainStateVersion AS integer) WHERE NOT EXISTS (SELECT 1 FROM cleared) AND CAST(@GrainStateVersion AS integer) IS NOT NULL;
