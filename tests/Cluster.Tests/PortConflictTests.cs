using Marquee.Testing;

namespace Marquee.Cluster.Tests;

/// <summary>
/// Orleans listens with address reuse, so without a guard a second silo on a taken port starts
/// beside the first and the kernel spreads connections over both (two instances cross-wired).
/// </summary>
public sealed class PortConflictTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ASiloWhoseSiloPortIsTakenExitsNamingThePort()
    {
        var (siloPort, _) = cluster.PortsOf(cluster.SiloA);
        await using var intruder = cluster.StartSiloOn("intruder", siloPort, FreePort.Next());

        var exitCode = await intruder.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"port {siloPort}", intruder.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASiloWhoseGatewayPortIsTakenExitsNamingThePort()
    {
        var (_, gatewayPort) = cluster.PortsOf(cluster.SiloB);
        await using var intruder = cluster.StartSiloOn("intruder", FreePort.Next(), gatewayPort);

        var exitCode = await intruder.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"port {gatewayPort}", intruder.Output, StringComparison.Ordinal);
    }
}
