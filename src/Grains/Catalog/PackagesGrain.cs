using Marquee.Common;
using Npgsql;
using NpgsqlTypes;
using Orleans.Concurrency;

namespace Marquee.Catalog;

/// <summary>
/// Packages are rows, not grain state: PostgreSQL's unique index on the name and a version-guarded
/// UPDATE give uniqueness and optimistic concurrency atomically, with nothing to keep in step.
/// </summary>
[StatelessWorker]
public sealed class PackagesGrain(NpgsqlDataSource dataSource, TimeProvider clock) : Grain, IPackagesGrain
{
    private const string Columns = "id, name, genre_ids, description, price_cents, created_at, updated_at, version, retired";

    public Task<Page<PackageInfo>> ListAsync(bool includeRetired, int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM packages WHERE $1 OR NOT retired",
            $"SELECT {Columns} FROM packages WHERE $1 OR NOT retired ORDER BY lower(name), id LIMIT $2 OFFSET $3",
            [includeRetired], pageNumber, pageSize, Read);

    public async Task<PackageInfo> GetAsync(Guid packageId) =>
        await FindAsync(packageId) ?? throw NotFound(packageId);

    public async Task<PackageInfo> CreateAsync(PackageDraft draft)
    {
        var valid = Validate(draft);
        await CheckGenresAsync(valid.GenreIds, alreadyIncluded: []);
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO packages (id, name, description, price_cents, genre_ids, created_at, updated_at, version, retired)
            VALUES ($1, $2, $3, $4, $5, $6, $6, 1, false) RETURNING {Columns}
            """);
        command.Parameters.AddValues(Guid.CreateVersion7());
        AddDraft(command, valid);
        command.Parameters.AddValues(now);
        return await ExecuteSingleAsync(command, valid.Name) ?? throw new InvalidOperationException("INSERT … RETURNING returned no row.");
    }

    public async Task<PackageInfo> UpdateAsync(Guid packageId, int expectedVersion, PackageDraft draft)
    {
        var valid = Validate(draft);
        var current = await FindAsync(packageId) ?? throw NotFound(packageId);
        await CheckGenresAsync(valid.GenreIds, alreadyIncluded: current.GenreIds);

        await using var command = dataSource.CreateCommand($"""
            UPDATE packages SET name = $2, description = $3, price_cents = $4, genre_ids = $5, updated_at = $6, version = version + 1
            WHERE id = $1 AND version = $7 RETURNING {Columns}
            """);
        command.Parameters.AddValues(packageId);
        AddDraft(command, valid);
        command.Parameters.AddValues(clock.GetUtcNow(), expectedVersion);
        return await ExecuteSingleAsync(command, valid.Name) ?? throw await StaleOrMissingAsync(packageId);
    }

    public async Task<PackageInfo> RetireAsync(Guid packageId, int? expectedVersion)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE packages SET retired = true, updated_at = $2, version = version + 1
            WHERE id = $1 AND NOT retired AND ($3::integer IS NULL OR version = $3) RETURNING {Columns}
            """);
        command.Parameters.AddValues(packageId, clock.GetUtcNow(), SqlParameters.Typed(expectedVersion, NpgsqlDbType.Integer));
        if (await ExecuteSingleAsync(command, name: null) is { } retired)
        {
            return retired;
        }
        var current = await FindAsync(packageId) ?? throw NotFound(packageId);
        return current.Retired ? current : throw new StaleVersionException(current.Version);
    }

    private static PackageDraft Validate(PackageDraft draft)
    {
        var name = draft.Name?.Trim() ?? "";
        if (name.Length is 0 or > PackageRules.MaxNameLength)
        {
            throw new InvalidInputException("name", $"A package name has 1 to {PackageRules.MaxNameLength} characters.");
        }
        var description = draft.Description?.Trim() ?? "";
        if (description.Length > PackageRules.MaxDescriptionLength)
        {
            throw new InvalidInputException("description", $"A description has at most {PackageRules.MaxDescriptionLength} characters.");
        }
        if (draft.PriceCents is < 0 or > PackageRules.MaxPriceCents)
        {
            throw new InvalidInputException("priceCents", $"The price is between 0 and {PackageRules.MaxPriceCents} cents.");
        }
        var genres = (draft.GenreIds ?? []).Distinct().Order().ToArray();
        if (genres.Length is 0 or > PackageRules.MaxGenres)
        {
            throw new InvalidInputException("genreIds", $"A package unlocks 1 to {PackageRules.MaxGenres} genres.");
        }
        return new PackageDraft(name, genres, description, draft.PriceCents);
    }

    /// <summary>Every genre must exist; inactive ones only stay where the package already had them.</summary>
    private async Task CheckGenresAsync(IReadOnlyList<int> genreIds, IReadOnlyList<int> alreadyIncluded)
    {
        var known = new Dictionary<int, bool>();
        await using (var command = dataSource.CreateCommand("SELECT id, active FROM genres WHERE id = ANY($1)"))
        {
            command.Parameters.AddValues(genreIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                known[reader.GetInt32(0)] = reader.GetBoolean(1);
            }
        }
        var unknown = genreIds.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidInputException("genreIds", $"Unknown genres: {string.Join(", ", unknown)}.");
        }
        var inactive = genreIds.Where(id => !known[id] && !alreadyIncluded.Contains(id)).ToList();
        if (inactive.Count > 0)
        {
            throw new InvalidInputException("genreIds", $"Genres no longer offered: {string.Join(", ", inactive)}.");
        }
    }

    private static void AddDraft(NpgsqlCommand command, PackageDraft draft)
    {
        command.Parameters.AddValues(draft.Name, draft.Description, draft.PriceCents, draft.GenreIds.ToArray());
    }

    private static async Task<PackageInfo?> ExecuteSingleAsync(NpgsqlCommand command, string? name)
    {
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? Read(reader) : null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException($"A package named '{name}' already exists.");
        }
    }

    private async Task<PackageInfo?> FindAsync(Guid packageId)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM packages WHERE id = $1");
        command.Parameters.AddValues(packageId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    private async Task<Exception> StaleOrMissingAsync(Guid packageId) =>
        await FindAsync(packageId) is { } current ? new StaleVersionException(current.Version) : NotFound(packageId);

    private static NotFoundException NotFound(Guid packageId) => new($"Package {packageId} does not exist.");

    internal static PackageInfo Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<int[]>(2), reader.GetString(3), reader.GetInt64(4),
        reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt32(7), reader.GetBoolean(8));
}
