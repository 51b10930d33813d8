namespace Marquee.ServiceDefaults;

/// <summary>The ADO.NET invariant name Orleans uses to load Npgsql's provider factory.</summary>
public static class AdoNetInvariant
{
    public const string Npgsql = "Npgsql";
}
