using Marquee.Cinema;

namespace Marquee.Silo.Seeding;

/// <summary>
/// The demo chain: five cinemas across São Paulo, rooms of different shapes, and the packages the
/// streaming side sells. The chain is fictional; the streets are real.
/// </summary>
public static class DemoDataset
{
    public sealed record CinemaSeed(string Name, string Neighbourhood, string Address, IReadOnlyList<RoomSeed> Rooms);

    public sealed record RoomSeed(string Name, IReadOnlyList<RowPlan> Rows, string Format, bool Vip = false);

    public sealed record PackageSeed(string Name, int[] GenreIds, string Description, long PriceCents);

    public sealed record ProductSeed(string Category, string Name, string Description, long PriceCents, int GroupSize = 1);

    /// <summary>The concessions menu, in BRL, at every cinema of the chain (one shared stock for the demo).</summary>
    public static readonly IReadOnlyList<ProductSeed> Menu =
    [
        new("Pipoca", "Pipoca salgada média", "Pipoca fresca com manteiga, 120 g.", 2400),
        new("Pipoca", "Pipoca salgada grande", "Pipoca fresca com manteiga, 200 g.", 2900),
        new("Pipoca", "Pipoca doce média", "Pipoca caramelizada, 120 g.", 2600),
        new("Bebidas", "Refrigerante 500 ml", "Cola, guaraná ou laranja.", 1200),
        new("Bebidas", "Água mineral 500 ml", "Com ou sem gás.", 700),
        new("Bebidas", "Suco de laranja 400 ml", "Natural, sem açúcar.", 1400),
        new("Doces", "Chocolate ao leite", "Barra de 90 g.", 1100),
        new("Doces", "Bala de goma", "Pacote de 100 g.", 900),
        new("Combos", "Combo casal", "Pipoca grande e dois refrigerantes.", 5200, GroupSize: 2),
        new("Combos", "Combo família", "Duas pipocas grandes, quatro refrigerantes e um chocolate.", 9900, GroupSize: 4),
        new("Combos", "Combo individual", "Pipoca média e um refrigerante.", 3200),
    ];

    public static readonly IReadOnlyList<CinemaSeed> Cinemas =
    [
        new("Marquee Paulista", "Bela Vista", "Avenida Paulista, 1578", [Large("Sala 1"), Medium("Sala 2", "3D"), Vip("Sala VIP")]),
        new("Marquee Pinheiros", "Pinheiros", "Rua Teodoro Sampaio, 1020", [Large("Sala 1"), Medium("Sala 2", "2D")]),
        new("Marquee Vila Madalena", "Vila Madalena", "Rua Aspicuelta, 300", [Medium("Sala 1", "2D"), Vip("Sala VIP")]),
        new("Marquee Mooca", "Mooca", "Rua da Mooca, 2500", [Large("Sala 1"), Medium("Sala 2", "3D"), Medium("Sala 3", "2D")]),
        new("Marquee Santana", "Santana", "Avenida Cruzeiro do Sul, 3200", [Large("Sala 1"), Medium("Sala 2", "2D")]),
    ];

    private static readonly string[] Roles = ["admin", "manager", "customer"];

    /// <summary>One demo user per role (SPEC F), all with the configured demo password.</summary>
    public static IEnumerable<Hosting.BootstrapAccount> Users(string password) =>
        Roles.Select(role => new Hosting.BootstrapAccount
        {
            Email = $"{role}@marquee.local",
            Password = password,
            DisplayName = $"Demo {char.ToUpperInvariant(role[0])}{role[1..]}",
            Roles = [role],
        });

    public static readonly IReadOnlyList<PackageSeed> Packages =
    [
        new("Ação e Aventura", [28, 12], "Explosions, chases and journeys.", 2490),
        new("Comédia", [35], "Something to laugh at every night.", 1990),
        new("Drama e História", [18, 36], "Stories that stay with you.", 2290),
        new("Terror e Suspense", [27, 53, 9648], "For those who watch through their fingers.", 2290),
        new("Ficção e Fantasia", [878, 14], "Other worlds, other rules.", 2490),
        new("Família e Animação", [10751, 16], "For every age in the house.", 1990),
    ];

    /// <summary>Twelve rows with two aisles: wheelchair places and companions in front, premium at the back.</summary>
    private static RoomSeed Large(string name) => new(name,
    [
        Row("A", "WWCC_SSSSSSSSSSSS_CCWW"),
        .. "BCDEFGHI".Select(row => Row(row.ToString(), "SSSS_SSSSSSSSSSSS_SSSS")),
        Row("J", "PPPP_PPPPPPPPPPPP_PPPP"),
        Row("K", "PPPP_PPPPPPPPPPPP_PPPP"),
        Row("L", "XXPP_PPPPPPPPPPPP_PPXX"),
    ], "2D");

    private static RoomSeed Medium(string name, string format) => new(name,
    [
        Row("A", "WC_SSSSSSSSSS_CW"),
        .. "BCDEFG".Select(row => Row(row.ToString(), "SS_SSSSSSSSSS_SS")),
        Row("H", "PP_PPPPPPPPPP_PP"),
    ], format);

    private static RoomSeed Vip(string name) => new(name,
    [
        Row("A", "WC_PPPPPP_CW"),
        Row("B", "PP_PPPPPP_PP"),
        Row("C", "PP_PPPPPP_PP"),
        Row("D", "PP_PPPPPP_PP"),
    ], "2D", Vip: true);

    private static RowPlan Row(string row, string positions) => new(row, positions);
}
