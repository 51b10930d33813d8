using System.Buffers.Binary;
using Marquee.Common;
using Marquee.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marquee.Grains.Tests.Identity;

public sealed class PasswordTests
{
    private static readonly PasswordHashing Hashing = new(Options.Create(new Marquee.Identity.IdentityOptions()));

    [Fact]
    public void HashesArePbkdf2Sha512AtNoFewerThan220000Iterations()
    {
        var hash = Convert.FromBase64String(Hashing.Hash("Some-Long-Passphrase-1"));

        // Identity V3 layout: marker 0x01, PRF (2 = HMAC-SHA512), iteration count, salt length, salt, subkey.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 220_000);
    }

    [Fact]
    public void AHashMadeWithWeakerParametersVerifiesButAsksForARehash()
    {
        var legacy = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
            .HashPassword(new object(), "Some-Long-Passphrase-1");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hashing.Verify(legacy, "Some-Long-Passphrase-1"));
        Assert.Equal(PasswordVerificationResult.Success, Hashing.Verify(Hashing.Hash("Some-Long-Passphrase-1"), "Some-Long-Passphrase-1"));
        Assert.Equal(PasswordVerificationResult.Failed, Hashing.Verify(legacy, "another-passphrase"));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("iloveyou")]
    [InlineData("Password1")]
    public void ShortAndCommonPasswordsAreRefused(string password) =>
        Assert.Throws<InvalidInputException>(() => PasswordPolicy.Check(password));

    [Fact]
    public void AnOverlongPasswordIsRefusedAndAGoodOneAccepted()
    {
        Assert.Throws<InvalidInputException>(() => PasswordPolicy.Check(new string('x', 129)));
        PasswordPolicy.Check("Correct-Horse-Battery-9");
    }
}
