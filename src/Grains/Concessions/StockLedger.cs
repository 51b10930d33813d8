using Marquee.Common;
using Npgsql;

namespace Marquee.Concessions;

/// <summary>
/// Stock movements per order. Reserving takes every item or none, with guarded UPDATEs that cannot
/// push stock below zero; each order's reservation is a row, so every step is idempotent.
/// </summary>
public sealed class StockLedger(NpgsqlDataSource dataSource)
{
    /// <returns>Null when reserved (now or before); otherwise the product that ran out.</returns>
    public async Task<int?> ReserveAsync(Guid orderId, IReadOnlyList<(int ProductId, int Quantity)> items)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var existing = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM stock_reservations WHERE order_id = $1)", connection, transaction))
        {
            existing.Parameters.AddValues(orderId);
            if ((bool)(await existing.ExecuteScalarAsync())!)
            {
                return null;
            }
        }
        // Always in product order, so two orders never wait on each other's rows crosswise.
        foreach (var (productId, quantity) in items.OrderBy(item => item.ProductId))
        {
            await using var take = new NpgsqlCommand("""
                WITH taken AS (UPDATE products SET stock = stock - $3 WHERE id = $2 AND active AND stock >= $3 RETURNING id)
                INSERT INTO stock_reservations (order_id, product_id, quantity, state) SELECT $1, id, $3, 'reserved' FROM taken
                """, connection, transaction);
            take.Parameters.AddValues(orderId, productId, quantity);
            if (await take.ExecuteNonQueryAsync() == 0)
            {
                await transaction.RollbackAsync();
                return productId;
            }
        }
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>Gives reserved (not yet sold) units back.</summary>
    public Task ReleaseAsync(Guid orderId) => MoveAsync(orderId, "reserved", "released", stockDelta: 1, soldDelta: 0);

    /// <summary>Turns the reservation into a sale.</summary>
    public Task CommitAsync(Guid orderId) => MoveAsync(orderId, "reserved", "committed", stockDelta: 0, soldDelta: 1);

    /// <summary>A refund: sold units return to stock.</summary>
    public Task ReturnAsync(Guid orderId) => MoveAsync(orderId, "committed", "released", stockDelta: 1, soldDelta: -1);

    private async Task MoveAsync(Guid orderId, string from, string to, int stockDelta, int soldDelta)
    {
        await using var command = dataSource.CreateCommand("""
            WITH moved AS (
                UPDATE stock_reservations SET state = $3 WHERE order_id = $1 AND state = $2 RETURNING product_id, quantity)
            UPDATE products p SET stock = p.stock + m.quantity * $4, sold_units = p.sold_units + m.quantity * $5
            FROM moved m WHERE p.id = m.product_id
            """);
        command.Parameters.AddValues(orderId, from, to, stockDelta, soldDelta);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Current prices and names of the products an order names; inactive ones are missing.</summary>
    public async Task<Dictionary<int, (string Name, long PriceCents)>> PricesAsync(IEnumerable<int> productIds)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, price_cents FROM products WHERE id = ANY($1) AND active");
        command.Parameters.AddValues(productIds.Distinct().ToArray());
        var prices = new Dictionary<int, (string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            prices[reader.GetInt32(0)] = (reader.GetString(1), reader.GetInt64(2));
        }
        return prices;
    }
}
