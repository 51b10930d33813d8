using Microsoft.Extensions.Options;

namespace Marquee.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class StartupValidationTests(ApiFixture fixture)
{
    [Fact]
    public async Task AnInvalidEdgeSettingStopsTheApiAtStart()
    {
        await using var misconfigured = fixture.CreateFactory(new Dictionary<string, string?> { ["Edge:MaxRequestBodyBytes"] = "1" });

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());
        Assert.Contains("MaxRequestBodyBytes", error.Message);
    }

    [Fact]
    public async Task OutsideDevelopmentTheApiRefusesToStartWithoutASigningKey()
    {
        await using var keyless = fixture.CreateFactory(new Dictionary<string, string?> { ["Jwt:SigningKeyPath"] = "" });

        var error = Assert.Throws<InvalidOperationException>(() => keyless.CreateClient());
        Assert.Contains("Jwt:SigningKeyPath", error.Message);
    }
}
