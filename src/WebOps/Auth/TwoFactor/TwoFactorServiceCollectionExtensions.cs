namespace WebOps.Auth.TwoFactor;

public static class TwoFactorServiceCollectionExtensions
{
    public static IServiceCollection AddTwoFactor(this IServiceCollection services)
    {
        services.AddScoped<TwoFactorService>();
        services.AddSingleton<PendingLogins>();
        return services;
    }
}
