using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marquee.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2-HMAC-SHA512 hasher at the configured iteration count.</summary>
public sealed class PasswordHashing
{
    // The hasher needs a user type only for its signature; the hash does not depend on it.
    private static readonly object Nobody = new();
    private readonly PasswordHasher<object> _hasher;
    private readonly string _decoy;

    public PasswordHashing(IOptions<IdentityOptions> options)
    {
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.PasswordIterations,
        }));
        _decoy = _hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
    }

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    public PasswordVerificationResult Verify(string hash, string password) => _hasher.VerifyHashedPassword(Nobody, hash, password);

    /// <summary>Spends the same time as a real check, so unknown emails cannot be told apart by timing.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(Nobody, _decoy, password);
}
