WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = CAST(@Version AS integer)
    RETURNING DeploymentId),
updated AS (
    UPDATE OrleansMembershipTable m
    SET Status = CAST(@Status AS integer), SuspectTimes = CAST(@SuspectTimes AS varchar), IAmAliveTime = CAST(@IAmAliveTime AS timestamptz)
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address
      AND m.Port = CAST(@Port AS integer) AND m.Generation = CAST(@Generation AS integer)
    RETURNING 1)
SELECT COUNT(*)::integer AS RowCount FROM updated;
