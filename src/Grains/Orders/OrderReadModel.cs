using Marquee.Common;
using Npgsql;
using NpgsqlTypes;
using Orleans.Concurrency;

namespace Marquee.Orders;

/// <summary>Mirrors each order grain's status into the <c>orders</c> table for listings, dead letters and offers.</summary>
public sealed class OrderReadModel(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(OrderInfo order, int? movieId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO orders (id, user_id, showtime_id, movie_id, status, amount_cents, dead_lettered, failure, created_at, updated_at, seats)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, dead_lettered = EXCLUDED.dead_lettered,
                failure = EXCLUDED.failure, updated_at = EXCLUDED.updated_at
            """);
        upsert.Parameters.AddValues(
            order.Id,
            order.UserId,
            SqlParameters.Typed(order.ShowtimeId, NpgsqlDbType.Uuid),
            SqlParameters.Typed(movieId, NpgsqlDbType.Integer),
            OrderStatusColumn.Of(order.Status),
            order.AmountCents,
            order.DeadLettered,
            SqlParameters.Typed(order.Failure, NpgsqlDbType.Varchar),
            order.CreatedAt,
            order.UpdatedAt,
            order.Tickets.Count);
        batch.BatchCommands.Add(upsert);
        foreach (var item in order.Items)
        {
            var line = new NpgsqlBatchCommand("""
                INSERT INTO order_items (order_id, product_id, quantity, movie_id, approved) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (order_id, product_id) DO UPDATE SET approved = EXCLUDED.approved
                """);
            line.Parameters.AddValues(
                order.Id,
                item.ProductId,
                item.Quantity,
                SqlParameters.Typed(movieId, NpgsqlDbType.Integer),
                order.Status == OrderStatus.Approved);
            batch.BatchCommands.Add(line);
        }
        await batch.ExecuteNonQueryAsync();
    }
}

[StatelessWorker]
public sealed class OrderDirectoryGrain(NpgsqlDataSource dataSource) : Grain, IOrderDirectoryGrain
{
    public Task<Page<Guid>> ListForUserAsync(Guid userId, int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM orders WHERE user_id = $1",
            "SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
            [userId], pageNumber, pageSize, reader => reader.GetGuid(0));

    public Task<Page<Guid>> ListDeadLettersAsync(int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM orders WHERE dead_lettered",
            "SELECT id FROM orders WHERE dead_lettered ORDER BY updated_at, id LIMIT $1 OFFSET $2",
            [], pageNumber, pageSize, reader => reader.GetGuid(0));
}
