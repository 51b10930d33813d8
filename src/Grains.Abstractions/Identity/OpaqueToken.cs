namespace Marquee.Identity;

/// <summary>A reset or refresh token on the wire: <c>{id:N}.{secret}</c>, the id telling which grain holds its hash.</summary>
public static class OpaqueToken
{
    public static string Format(Guid id, string secret) => $"{id:N}.{secret}";

    public static bool TryParse(string? token, out Guid id, out string secret)
    {
        id = Guid.Empty;
        secret = "";
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || !Guid.TryParseExact(token[..dot], "N", out id))
        {
            return false;
        }
        secret = token[(dot + 1)..];
        return secret.Length >= 32;
    }
}
