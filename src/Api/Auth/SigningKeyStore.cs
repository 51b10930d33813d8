using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Api.Auth;

/// <summary>
/// Loads the token-signing key. Outside Development a configured key is mandatory; in Development a
/// P-256 key is generated once under the data directory so restarts keep issued tokens valid.
/// </summary>
public static class SigningKeyStore
{
    public static ECDsaSecurityKey Load(JwtOptions options, IHostEnvironment environment, string dataDirectory)
    {
        var path = options.SigningKeyPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException("Jwt:SigningKeyPath is required outside Development; the development key is never used in Production.");
            }
            path = Path.Combine(dataDirectory, "keys", "jwt-signing.pem");
            if (!File.Exists(path))
            {
                GenerateDevelopmentKey(path);
            }
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        if (key.KeySize != 256)
        {
            throw new InvalidOperationException($"{path} must hold an EC P-256 key for {JwtOptions.Algorithm}.");
        }
        return new ECDsaSecurityKey(key) { KeyId = KeyId(key) };
    }

    private static void GenerateDevelopmentKey(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    // A stable id derived from the public key lets a future key rotation publish several keys side by side.
    private static string KeyId(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
