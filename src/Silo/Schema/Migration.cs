using System.Security.Cryptography;
using System.Text;

namespace Marquee.Silo.Schema;

/// <summary>One numbered SQL script, embedded in this assembly as <c>Marquee.Schema.NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Marquee.Schema.";

    /// <summary>SHA-256 of the script, so an edited, already-applied script is caught instead of silently skipped.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[ResourcePrefix.Length..^".sql".Length];
                var separator = fileName.IndexOf('_', StringComparison.Ordinal);
                var version = int.Parse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
            })
            .OrderBy(migration => migration.Version)
            .ToList();
    }
}
