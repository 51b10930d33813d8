using Npgsql;

namespace Marquee.Common;

/// <summary>Runs a listing's count and page queries in one round trip and returns a <see cref="Page{T}"/>.</summary>
public static class PagedQuery
{
    /// <param name="filters">Parameters shared by both queries as $1..$n; the page query takes LIMIT and OFFSET as $n+1 and $n+2.</param>
    /// <param name="countFilters">The count query's own parameters, when it needs fewer than the page (a ranking's inputs, say).</param>
    public static async Task<Page<T>> RunAsync<T>(
        NpgsqlDataSource dataSource, string countSql, string pageSql, IReadOnlyList<object?> filters,
        int pageNumber, int pageSize, Func<NpgsqlDataReader, T> read, IReadOnlyList<object?>? countFilters = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        var count = new NpgsqlBatchCommand(countSql);
        var page = new NpgsqlBatchCommand(pageSql);
        count.Parameters.AddValues([.. countFilters ?? filters]);
        page.Parameters.AddValues([.. filters, pageSize, (pageNumber - 1) * pageSize]);
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<T>();
        while (await reader.ReadAsync())
        {
            items.Add(read(reader));
        }
        return new Page<T>(items, pageNumber, pageSize, total);
    }
}
