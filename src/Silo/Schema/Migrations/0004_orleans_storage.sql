-- Grain state. Upstream's PostgreSQL table has no uniqueness on a grain's identity, so two activations
-- racing on a first write (the window single activation leaves open during membership changes) could
-- both insert and both succeed. Here the identity is the primary key and a first write inserts with
-- ON CONFLICT DO NOTHING, so exactly one first write wins and the loser gets a version conflict.
CREATE TABLE IF NOT EXISTS orleans_storage (
    service_id        varchar(150)  NOT NULL,
    grain_type_hash   integer       NOT NULL,
    grain_type        varchar(512)  NOT NULL,
    grain_id_hash     integer       NOT NULL,
    grain_id_n0       bigint        NOT NULL,
    grain_id_n1       bigint        NOT NULL,
    -- The string key (or key extension); '' when the grain has none, so it can sit in the key.
    grain_id_string   varchar(512)  NOT NULL,
    payload           bytea,
    version           integer       NOT NULL,
    modified_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_string)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS "PayloadBinary", version AS "Version"
      FROM orleans_storage
     WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
       AND grain_id_string = coalesce(@GrainIdExtensionString, '')
$q$),
-- A null @GrainStateVersion means the grain believes no row exists: insert, or lose to whoever did.
-- Otherwise update only the version the grain read. A NULL answer tells Orleans it lost the race.
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleans_storage
           SET payload = @PayloadBinary, version = version + 1, modified_at = now()
         WHERE @GrainStateVersion::integer IS NOT NULL
           AND service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
           AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
           AND grain_id_string = coalesce(@GrainIdExtensionString, '')
           AND version = @GrainStateVersion::integer
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_storage (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0,
                                     grain_id_n1, grain_id_string, payload, version)
        SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0,
               @GrainIdN1, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
         WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted LIMIT 1) AS "NewGrainStateVersion"
$q$),
('ClearStorageKey', $q$
    UPDATE orleans_storage
       SET payload = NULL, version = version + 1, modified_at = now()
     WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
       AND grain_id_string = coalesce(@GrainIdExtensionString, '')
       AND version = @GrainStateVersion::integer
    RETURNING version
$q$),
('DeleteStorageKey', $q$
    DELETE FROM orleans_storage
     WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
       AND grain_id_string = coalesce(@GrainIdExtensionString, '')
       AND version = @GrainStateVersion::integer
    RETURNING version + 1
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
