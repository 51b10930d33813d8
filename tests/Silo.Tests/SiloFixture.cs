using Marquee.Testing;

namespace Marquee.Silo.Tests;

/// <summary>One real silo on one migrated database, shared by every test in the collection.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public InProcessSilo Silo { get; private set; } = null!;


    public async Task InitializeAsync() =>
        Silo = await InProcessSilo.StartAsync(await MigratedDatabase.CreateAsync("silo"));

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
