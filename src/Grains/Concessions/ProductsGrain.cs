using Marquee.Catalog;
using Marquee.Common;
using Npgsql;
using NpgsqlTypes;
using Orleans.Concurrency;

namespace Marquee.Concessions;

/// <summary>Concessions as rows: CRUD, the public listing, checkout offers and ratings, each one SQL statement or transaction.</summary>
[StatelessWorker]
public sealed class ProductsGrain(NpgsqlDataSource dataSource, TimeProvider clock) : Grain, IProductsGrain
{
    private const string Columns = "p.id, p.name, p.description, p.category_id, p.price_cents, p.image_url, p.active, p.stock, p.rating_sum, p.rating_count, p.group_size";

    public Task<Page<ProductInfo>> ListAsync(ProductFilter filter, Viewer viewer, int pageNumber, int pageSize)
    {
        // Products off sale are the staff's business.
        var includeInactive = filter.IncludeInactive && viewer.IsStaff;
        const string Where = """
            WHERE ($1::text IS NULL OR lower(p.name) LIKE $1 ESCAPE '\')
              AND ($2::integer IS NULL OR p.category_id = $2)
              AND ($3::bigint IS NULL OR p.price_cents >= $3)
              AND ($4::bigint IS NULL OR p.price_cents <= $4)
              AND ($5::boolean IS NULL OR (p.stock > 0) = $5)
              AND ($6 OR p.active)
            """;
        var direction = filter.Descending ? "DESC" : "ASC";
        var order = filter.Sort switch
        {
            ProductSort.Price => $"p.price_cents {direction}",
            ProductSort.Rating => $"p.rating_sum::double precision / nullif(p.rating_count, 0) {direction} NULLS LAST",
            ProductSort.Popularity => $"p.sold_units {direction}",
            _ => $"lower(p.name) {direction}",
        };
        return PagedQuery.RunAsync(dataSource,
            $"SELECT count(*) FROM products p {Where}",
            $"SELECT {Columns} FROM products p {Where} ORDER BY {order}, p.id LIMIT $7 OFFSET $8",
            [SqlText.ContainsPattern(filter.Search), filter.CategoryId, filter.MinPriceCents, filter.MaxPriceCents, filter.InStock, includeInactive],
            pageNumber, pageSize, Read);
    }

    public async Task<ProductInfo> GetAsync(int productId) =>
        await FindAsync(productId) ?? throw new NotFoundException($"Product {productId} does not exist.");

    public async Task<ProductInfo> CreateAsync(ProductDraft draft)
    {
        var valid = Validate(draft);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO products AS p (name, description, category_id, price_cents, image_url, active, stock, group_size, created_at, updated_at)
            VALUES ($1, coalesce($2, ''), $3, $4, nullif($5, ''), coalesce($6, true), $7, coalesce($8, 1), $9, $9) RETURNING {Columns}
            """);
        AddDraft(command, valid);
        command.Parameters.AddValues(clock.GetUtcNow());
        return await WriteAsync(command, valid) ?? throw new InvalidOperationException("INSERT … RETURNING returned no row.");
    }

    public async Task<ProductInfo> UpdateAsync(int productId, ProductDraft draft)
    {
        var valid = Validate(draft);
        await using var command = dataSource.CreateCommand($"""
            UPDATE products AS p SET name = $1, description = coalesce($2, p.description), category_id = $3, price_cents = $4,
                image_url = CASE WHEN $5 IS NULL THEN p.image_url ELSE nullif($5, '') END, active = coalesce($6, p.active),
                stock = $7, group_size = coalesce($8, p.group_size), updated_at = $9
            WHERE p.id = $10 RETURNING {Columns}
            """);
        AddDraft(command, valid);
        command.Parameters.AddValues(clock.GetUtcNow(), productId);
        return await WriteAsync(command, valid) ?? throw new NotFoundException($"Product {productId} does not exist.");
    }

    public async Task DeactivateAsync(int productId)
    {
        await using var command = dataSource.CreateCommand("UPDATE products SET active = false, updated_at = $2 WHERE id = $1");
        command.Parameters.AddValues(productId, clock.GetUtcNow());
        if (await command.ExecuteNonQueryAsync() == 0)
        {
            throw new NotFoundException($"Product {productId} does not exist.");
        }
    }

    public Task<Page<CategoryInfo>> ListCategoriesAsync(int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM categories",
            "SELECT id, name FROM categories ORDER BY lower(name), id LIMIT $1 OFFSET $2",
            [], pageNumber, pageSize, reader => new CategoryInfo(reader.GetInt32(0), reader.GetString(1)));

    public async Task<CategoryInfo> CreateCategoryAsync(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 60)
        {
            throw new InvalidInputException("name", "A category name has 1 to 60 characters.");
        }
        await using var command = dataSource.CreateCommand("INSERT INTO categories (name, created_at) VALUES ($1, $2) RETURNING id");
        command.Parameters.AddValues(trimmed, clock.GetUtcNow());
        try
        {
            return new CategoryInfo((int)(await command.ExecuteScalarAsync())!, trimmed);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException($"A category named '{trimmed}' already exists.");
        }
    }

    public async Task<Page<ProductInfo>> OffersAsync(Guid showtimeId, int partySize, int pageNumber, int pageSize)
    {
        // Known showtime or 404, before ranking anything for it.
        await GrainFactory.GetGrain<Cinema.IShowtimesGrain>(0).GetAsync(showtimeId);
        const string Where = "WHERE p.active AND p.stock > 0";
        return await PagedQuery.RunAsync(dataSource,
            $"SELECT count(*) FROM products p {Where}",
            $"""
            SELECT {Columns} FROM products p
            LEFT JOIN (
                SELECT i.product_id, sum(i.quantity) AS units FROM order_items i
                WHERE i.approved AND i.movie_id = (SELECT movie_id FROM showtimes WHERE id = $1)
                GROUP BY i.product_id) audience ON audience.product_id = p.id
            {Where}
            ORDER BY (p.group_size > 1 AND $2 >= 2) DESC,
                     CASE WHEN $2 >= 2 THEN abs(p.group_size - $2) ELSE 0 END,
                     coalesce(audience.units, 0) DESC,
                     p.rating_sum::double precision / nullif(p.rating_count, 0) DESC NULLS LAST,
                     p.sold_units DESC, p.id
            LIMIT $3 OFFSET $4
            """,
            [showtimeId, partySize], pageNumber, pageSize, Read, countFilters: []);
    }

    public async Task<ProductInfo> RateAsync(Guid userId, int productId, Guid orderId, int stars)
    {
        if (stars is < 1 or > 5)
        {
            throw new InvalidInputException("stars", "Stars go from 1 to 5.");
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var check = new NpgsqlCommand("""
            SELECT o.user_id, o.status, EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.product_id = $2)
            FROM orders o WHERE o.id = $1
            """, connection, transaction))
        {
            check.Parameters.AddValues(orderId, productId);
            await using var reader = await check.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || reader.GetGuid(0) != userId)
            {
                throw new InvalidInputException("orderId", "Rate products from one of your own orders.");
            }
            if (Orders.OrderStatusColumn.Parse(reader.GetString(1)) != Orders.OrderStatus.Approved || !reader.GetBoolean(2))
            {
                throw new InvalidInputException("orderId", "Only products bought in an approved order can be rated.");
            }
        }
        await using (var rate = new NpgsqlCommand("""
            INSERT INTO product_ratings (product_id, user_id, order_id, stars, rated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (product_id, order_id) DO NOTHING
            """, connection, transaction))
        {
            rate.Parameters.AddValues(productId, userId, orderId, (short)stars, clock.GetUtcNow());
            if (await rate.ExecuteNonQueryAsync() == 0)
            {
                throw new ConflictException("This product was already rated for this order.");
            }
        }
        await using (var tally = new NpgsqlCommand("UPDATE products SET rating_sum = rating_sum + $2, rating_count = rating_count + 1 WHERE id = $1", connection, transaction))
        {
            tally.Parameters.AddValues(productId, (long)stars);
            await tally.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return await GetAsync(productId);
    }

    private static ProductDraft Validate(ProductDraft draft)
    {
        var name = draft.Name?.Trim() ?? "";
        if (name.Length is 0 or > ProductRules.MaxNameLength)
        {
            throw new InvalidInputException("name", $"A product name has 1 to {ProductRules.MaxNameLength} characters.");
        }
        var description = draft.Description?.Trim();
        if (description?.Length > ProductRules.MaxDescriptionLength)
        {
            throw new InvalidInputException("description", $"A description has at most {ProductRules.MaxDescriptionLength} characters.");
        }
        if (draft.PriceCents is <= 0 or > ProductRules.MaxPriceCents)
        {
            throw new InvalidInputException("priceCents", $"The price is between 1 and {ProductRules.MaxPriceCents} cents.");
        }
        if (draft.Stock is < 0 or > ProductRules.MaxStock)
        {
            throw new InvalidInputException("stock", $"Stock is between 0 and {ProductRules.MaxStock}.");
        }
        if (draft.GroupSize is < 1 or > 10)
        {
            throw new InvalidInputException("groupSize", "A product serves 1 to 10 people.");
        }
        // Null: not sent; empty: cleared.
        var imageUrl = draft.ImageUrl?.Trim();
        if (imageUrl is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url.Length > 500))
        {
            throw new InvalidInputException("imageUrl", "The image URL is an absolute http(s) URL of at most 500 characters.");
        }
        return draft with { Name = name, Description = description, ImageUrl = imageUrl };
    }

    private static void AddDraft(NpgsqlCommand command, ProductDraft draft)
    {
        command.Parameters.AddValues(
            draft.Name,
            SqlParameters.Typed(draft.Description, NpgsqlDbType.Text),
            draft.CategoryId,
            draft.PriceCents,
            SqlParameters.Typed(draft.ImageUrl, NpgsqlDbType.Varchar),
            SqlParameters.Typed(draft.Active, NpgsqlDbType.Boolean),
            draft.Stock,
            SqlParameters.Typed(draft.GroupSize, NpgsqlDbType.Integer));
    }

    private static async Task<ProductInfo?> WriteAsync(NpgsqlCommand command, ProductDraft draft)
    {
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? Read(reader) : null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException($"A product named '{draft.Name}' already exists.");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidInputException("categoryId", $"Category {draft.CategoryId} does not exist.");
        }
    }

    private async Task<ProductInfo?> FindAsync(int productId)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM products p WHERE p.id = $1");
        command.Parameters.AddValues(productId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    internal static ProductInfo Read(NpgsqlDataReader reader)
    {
        var ratingCount = reader.GetInt32(9);
        return new ProductInfo(
            reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6), reader.GetInt32(7),
            ratingCount == 0 ? 0 : Math.Round(reader.GetInt64(8) / (double)ratingCount, 2), ratingCount, reader.GetInt32(10));
    }
}
