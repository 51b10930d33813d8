using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Marquee.Bench.Faults;

/// <summary>
/// After the faults: reads every order, seat map, reservation and membership row back, through the
/// API and SQL, and counts what breaks an invariant and what the product confirmed but lost.
/// </summary>
public sealed class FaultAudit(ApiSession api, TokenMinter tokens, FaultLoad load, FaultJournal journal, NpgsqlDataSource database)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(4);

    public List<string> Violations { get; } = [];

    public List<string> Lost { get; } = [];

    private sealed record Ticket(Guid ShowtimeId, string Seat);

    private sealed record Order(Guid Id, Guid Customer, string Status, Guid? ShowtimeId, IReadOnlyList<string> Seats, bool DeadLettered);

    public async Task RunAsync(IReadOnlyList<string> runningSilos)
    {
        await WaitReadyAsync();
        var orders = await SettledOrdersAsync();
        var maps = await SeatMapsAsync();
        CheckSales(orders, maps);
        CheckHolds(orders, maps);
        await CheckStockAsync(orders);
        await CheckReadModelAsync(orders);
        await CheckMembershipAsync(runningSilos);
    }

    private async Task WaitReadyAsync()
    {
        using var client = api.NewClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        Violations.Add("the API was not ready 90 s after the last fault");
    }

    /// <summary>Every order of every load customer (those whose 201 was lost too), polled until none is Pending.</summary>
    private async Task<Dictionary<Guid, Order>> SettledOrdersAsync()
    {
        var orders = new Dictionary<Guid, Order>();
        foreach (var customerId in journal.Customers.Distinct())
        {
            using var customer = load.Customer(customerId);
            for (var page = 1; ; page++)
            {
                var listing = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/users/me/orders?pageSize=100&pageNumber={page}");
                foreach (var order in listing.GetProperty("data").EnumerateArray()) orders[order.GetProperty("id").GetGuid()] = Read(order, customerId);
                if (listing.GetProperty("pagination").GetProperty("lastPage").GetBoolean()) break;
            }
        }
        foreach (var (orderId, customerId) in journal.Orders)
        {
            if (orders.ContainsKey(orderId)) continue;
            using var customer = load.Customer(customerId);
            using var response = await customer.GetAsync($"/api/v1/orders/{orderId}");
            if (response.IsSuccessStatusCode)
            {
                Violations.Add($"order {orderId} exists but is missing from its customer's order list (read model)");
                orders[orderId] = Read(await response.Content.ReadFromJsonAsync<JsonElement>(), customerId);
            }
            else
            {
                Lost.Add($"order {orderId} answered 201 now answers {(int)response.StatusCode}");
            }
        }

        // Reading a Pending order activates its grain, which resumes from its persisted step.
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (orders.Values.Any(order => order.Status == "Pending") && DateTime.UtcNow < deadline)
        {
            foreach (var pending in orders.Values.Where(order => order.Status == "Pending").ToList())
            {
                using var customer = load.Customer(pending.Customer);
                using var response = await customer.GetAsync($"/api/v1/orders/{pending.Id}");
                if (response.IsSuccessStatusCode) orders[pending.Id] = Read(await response.Content.ReadFromJsonAsync<JsonElement>(), pending.Customer);
            }
            // Pacing between rounds of reads (each read is what resumes an order); the deadline bounds it.
            await Task.Delay(1000);
        }
        foreach (var stuck in orders.Values.Where(order => order.Status == "Pending"))
        {
            Violations.Add($"order {stuck.Id} still Pending {SettleTimeout.TotalMinutes} minutes after the faults");
        }
        return orders;
    }

    private static Order Read(JsonElement order, Guid customer) => new(
        order.GetProperty("id").GetGuid(), customer, order.GetProperty("status").GetString()!,
        order.GetProperty("showtimeId").ValueKind == JsonValueKind.Null ? null : order.GetProperty("showtimeId").GetGuid(),
        order.GetProperty("tickets").EnumerateArray().Select(ticket => ticket.GetProperty("seat").GetString()!).ToList(),
        order.GetProperty("deadLettered").GetBoolean());

    private async Task<Dictionary<Guid, Dictionary<string, string>>> SeatMapsAsync()
    {
        using var client = api.NewClient();
        var maps = new Dictionary<Guid, Dictionary<string, string>>();
        foreach (var showtimeId in load.Showtimes)
        {
            var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{showtimeId}/seats");
            maps[showtimeId] = map.GetProperty("seats").EnumerateArray()
                .ToDictionary(seat => seat.GetProperty("seat").GetString()!, seat => seat.GetProperty("status").GetString()!);
        }
        return maps;
    }

    /// <summary>Sold seats are exactly the approved orders' seats, and no seat is in two approved orders.</summary>
    private void CheckSales(Dictionary<Guid, Order> orders, Dictionary<Guid, Dictionary<string, string>> maps)
    {
        var sold = new Dictionary<Ticket, Guid>();
        foreach (var order in orders.Values.Where(order => order is { Status: "Approved", ShowtimeId: not null }))
        {
            foreach (var seat in order.Seats)
            {
                var ticket = new Ticket(order.ShowtimeId!.Value, seat);
                if (!sold.TryAdd(ticket, order.Id)) Violations.Add($"seat {seat} of {ticket.ShowtimeId} sold to orders {sold[ticket]} and {order.Id}");
                if (maps[ticket.ShowtimeId].GetValueOrDefault(seat) != "sold") Violations.Add($"seat {seat} of approved order {order.Id} is {maps[ticket.ShowtimeId].GetValueOrDefault(seat)} in the seat map");
            }
        }
        foreach (var (showtimeId, map) in maps)
        {
            foreach (var (seat, _) in map.Where(entry => entry.Value == "sold"))
            {
                if (!sold.ContainsKey(new Ticket(showtimeId, seat))) Violations.Add($"seat {seat} of {showtimeId} is sold but no approved order has it");
            }
        }
    }

    /// <summary>Holds answered 201 and never let go are still held, and no seat is in two of them.</summary>
    private void CheckHolds(Dictionary<Guid, Order> orders, Dictionary<Guid, Dictionary<string, string>> maps)
    {
        var ordered = orders.Values.Where(order => order.ShowtimeId is not null)
            .SelectMany(order => order.Seats.Select(seat => new Ticket(order.ShowtimeId!.Value, seat))).ToHashSet();
        var holders = new Dictionary<Ticket, Guid>();
        foreach (var hold in journal.Holds.Where(hold => hold.Fate == HoldFate.Held))
        {
            foreach (var seat in hold.Seats)
            {
                var ticket = new Ticket(hold.ShowtimeId, seat);
                if (!holders.TryAdd(ticket, hold.HoldId)) Violations.Add($"seat {seat} of {hold.ShowtimeId} held by holds {holders[ticket]} and {hold.HoldId}");
                // An order whose 201 never arrived may have taken the hold over; its seats are judged with the orders.
                if (ordered.Contains(ticket)) continue;
                if (maps[hold.ShowtimeId].GetValueOrDefault(seat) != "held") Lost.Add($"hold {hold.HoldId} answered 201: seat {seat} is {maps[hold.ShowtimeId].GetValueOrDefault(seat)}");
            }
        }
    }

    /// <summary>Stock moved only by reservations: initial − reserved − committed = stock; reservations match final statuses.</summary>
    private async Task CheckStockAsync(Dictionary<Guid, Order> orders)
    {
        foreach (var (productId, initial) in load.Products)
        {
            await using var command = database.CreateCommand("""
                SELECT p.stock, coalesce(sum(r.quantity) FILTER (WHERE r.state IN ('reserved', 'committed')), 0)::int
                FROM products p LEFT JOIN stock_reservations r ON r.product_id = p.id WHERE p.id = $1 GROUP BY p.stock
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = productId });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (stock, taken) = (reader.GetInt32(0), reader.GetInt32(1));
            if (initial - taken != stock) Violations.Add($"product {productId}: stock {stock}, but {initial} − {taken} reserved or committed = {initial - taken}");
        }

        await using var states = database.CreateCommand("SELECT order_id, state FROM stock_reservations WHERE order_id = ANY($1)");
        states.Parameters.Add(new NpgsqlParameter { Value = orders.Keys.ToArray() });
        await using var rows = await states.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            var order = orders[rows.GetGuid(0)];
            var state = rows.GetString(1);
            var expected = order.Status switch
            {
                "Approved" => "committed",
                "Refused" or "Cancelled" or "Refunded" => "released",
                _ => null, // Failed (dead-lettered) keeps its reservation for the retry
            };
            if (expected is not null && state != expected) Violations.Add($"order {order.Id} is {order.Status} but its stock reservation is {state}");
        }
    }

    private async Task CheckReadModelAsync(Dictionary<Guid, Order> orders)
    {
        await using var command = database.CreateCommand("SELECT id, status FROM orders WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = orders.Keys.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var seen = 0;
        while (await reader.ReadAsync())
        {
            seen++;
            var order = orders[reader.GetGuid(0)];
            if (reader.GetString(1) != order.Status) Violations.Add($"order {order.Id}: read model says {reader.GetString(1)}, the grain {order.Status}");
        }
        if (seen != orders.Count) Violations.Add($"{orders.Count - seen} orders missing from the orders read model");
    }

    /// <summary>Every silo still running is Active: none was voted dead while the database was away.</summary>
    private async Task CheckMembershipAsync(IReadOnlyList<string> runningSilos)
    {
        using var admin = api.NewClient(tokens.Mint("admin"));
        var cluster = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/cluster");
        var silos = cluster.GetProperty("silos").EnumerateArray()
            .Select(silo => (Name: silo.GetProperty("name").GetString()!, Status: silo.GetProperty("status").GetString()!, StartedAt: silo.GetProperty("startedAt").GetDateTimeOffset()))
            .ToList();
        foreach (var name in runningSilos)
        {
            var latest = silos.Where(silo => silo.Name == name).OrderByDescending(silo => silo.StartedAt).FirstOrDefault();
            if (latest.Status != "Active") Violations.Add($"silo {name} is running but its membership status is {latest.Status ?? "missing"}");
        }
    }
}
