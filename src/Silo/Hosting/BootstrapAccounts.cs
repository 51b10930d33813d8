using Marquee.Common;
using Marquee.Identity;
using Microsoft.Extensions.Options;

namespace Marquee.Silo.Hosting;

/// <summary>Accounts that must exist from the first start, e.g. the first admin (section <c>Identity:Bootstrap</c>).</summary>
public sealed class BootstrapAccountsOptions
{
    public const string Section = "Identity:Bootstrap";

    public List<BootstrapAccount> Accounts { get; set; } = [];
}

public sealed class BootstrapAccount
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

/// <summary>
/// Creates each configured account that does not exist yet and grants it its configured roles.
/// Idempotent, and safe on every silo at once: email ownership decides which registration wins.
/// </summary>
public sealed partial class BootstrapAccounts(
    IGrainFactory grains, IOptions<BootstrapAccountsOptions> options, ILogger<BootstrapAccounts> logger) : IHostedService
{
    // Done inside StartAsync, so a started silo is one whose bootstrap accounts exist.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var account in options.Value.Accounts)
        {
            try
            {
                await EnsureAsync(account);
            }
            catch (Exception ex) when (ex is DomainException or TimeoutException or OrleansException)
            {
                LogFailed(ex, account.Email);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAsync(BootstrapAccount account)
    {
        var owner = await grains.GetGrain<IEmailOwnerGrain>(EmailAddress.Normalize(account.Email)).GetOwnerAsync();
        if (owner is { } id && await grains.GetGrain<IUserGrain>(id).IsRegisteredAsync())
        {
            var user = grains.GetGrain<IUserGrain>(id);
            var profile = await user.GetProfileAsync();
            if (account.Roles.Except(profile.Roles).Any())
            {
                await user.SetRolesAsync(profile.Roles.Union(account.Roles).ToList());
            }
            return;
        }

        try
        {
            await grains.GetGrain<IUserGrain>(Guid.NewGuid())
                .RegisterAsync(new NewAccount(account.Email, account.Password, account.DisplayName, account.Roles));
            LogCreated(account.Email);
        }
        catch (ConflictException)
        {
            // Another silo bootstrapped it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap account {Email} created")]
    private partial void LogCreated(string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bootstrap account {Email} could not be ensured")]
    private partial void LogFailed(Exception exception, string email);
}
