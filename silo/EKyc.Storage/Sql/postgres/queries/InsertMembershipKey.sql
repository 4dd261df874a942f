-- The version bump and the insert succeed together or report 0. A bump without an insert (the row already existed)
-- only makes concurrent writers re-read the table, which the membership protocol does anyway.
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = CAST(@Version AS integer)
      AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                      WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = CAST(@Port AS integer)
                        AND Generation = CAST(@Generation AS integer))
    RETURNING DeploymentId),
inserted AS (
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, CAST(@Address AS varchar), CAST(@Port AS integer), CAST(@Generation AS integer), CAST(@SiloName AS varchar),
           CAST(@HostName AS varchar), CAST(@Status AS integer), CAST(@ProxyPort AS integer), CAST(@StartTime AS timestamptz),
           CAST(@IAmAliveTime AS timestamptz)
    FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1)
SELECT COUNT(*)::integer AS RowCount FROM inserted;
