-- Status 3 is Active: only silos that stopped heart-beating and are not active are removed.
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status != 3;
