using Marquee.Identity;
using Marquee.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Marquee;

public static class GrainServices
{
    /// <summary>What grains need from the silo's container: options, hashing, mail, read-model writers.</summary>
    public static IServiceCollection AddMarqueeGrainServices(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Marquee.Cinema.CinemaOptions>().Bind(configuration.GetSection(Marquee.Cinema.CinemaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<UserReadModel>();
        services.AddSingleton<Marquee.Cinema.CinemaReadModel>();
        services.AddSingleton<IMailer, Mailer>();
        return services;
    }
}
