-- Cluster membership: one version row per deployment (the table-wide ETag) and one row per silo
-- incarnation. Every change to a member row bumps the version row in the same statement, and the
-- version row's lock is what serializes concurrent writers.
CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id varchar(150) PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id  varchar(150)  NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address        varchar(45)   NOT NULL,
    port           integer       NOT NULL,
    generation     integer       NOT NULL,
    silo_name      varchar(150)  NOT NULL,
    host_name      varchar(150)  NOT NULL,
    status         integer       NOT NULL,
    proxy_port     integer,
    suspect_times  varchar(8000),
    start_time     timestamptz   NOT NULL,
    i_am_alive_at  timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::int FROM created
$q$),
('InsertMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version v
           SET version = v.version + 1, changed_at = now()
         WHERE v.deployment_id = @DeploymentId
           AND v.version = @Version
           AND NOT EXISTS (SELECT 1 FROM orleans_membership m
                            WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                              AND m.port = @Port AND m.generation = @Generation)
        RETURNING v.deployment_id),
    created AS (
        INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                        status, proxy_port, start_time, i_am_alive_at)
        SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
               @Status, @ProxyPort, @StartTime, @IAmAliveTime
          FROM bumped
        RETURNING 1)
    SELECT count(*)::int FROM created
$q$),
('UpdateMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version v
           SET version = v.version + 1, changed_at = now()
         WHERE v.deployment_id = @DeploymentId
           AND v.version = @Version
           AND EXISTS (SELECT 1 FROM orleans_membership m
                        WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                          AND m.port = @Port AND m.generation = @Generation)
        RETURNING v.deployment_id),
    changed AS (
        UPDATE orleans_membership m
           SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_at = @IAmAliveTime
          FROM bumped
         WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address
           AND m.port = @Port AND m.generation = @Generation
        RETURNING 1)
    SELECT count(*)::int FROM changed
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership
       SET i_am_alive_at = @IAmAliveTime
     WHERE deployment_id = @DeploymentId AND address = @Address
       AND port = @Port AND generation = @Generation
$q$),
('MembershipReadRowKey', $q$
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
           m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
           m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_at AS "IAmAliveTime", v.version AS "Version"
      FROM orleans_membership_version v
      LEFT JOIN orleans_membership m
        ON m.deployment_id = v.deployment_id AND m.address = @Address
       AND m.port = @Port AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadAllKey', $q$
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
           m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
           m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_at AS "IAmAliveTime", v.version AS "Version"
      FROM orleans_membership_version v
      LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
      FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
-- Released 10.x scripts lack this one; without it defunct silo rows pile up forever. Status 6 is
-- SiloStatus.Dead: only rows of silos the cluster has declared dead are ever removed.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND i_am_alive_at < @IAmAliveTime AND status = 6
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
