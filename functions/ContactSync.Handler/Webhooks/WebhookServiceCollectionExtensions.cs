using ContactSync.Hub.Subscriptions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactSync.Handler.Webhooks;

/// <summary>Graph subscriptions, the webhook intake, lifecycle reactions and the notified job (M24, M25).</summary>
public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddContactSyncWebhooks(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<WebhookSettings>().Bind(config.GetSection(WebhookSettings.Section))
            .Validate(o => o.CoalesceWindow >= TimeSpan.Zero && o.CoalesceWindow <= TimeSpan.FromMinutes(5),
                "Webhooks__CoalesceWindow must be between 0 and 5 minutes")
            .Validate(o => o.MaxPartialIds > 0, "Webhooks__MaxPartialIds must be positive")
            .Validate(o => o.MaxLifetime >= TimeSpan.FromMinutes(45), "Webhooks__MaxLifetime must be at least 45 minutes")
            .Validate(o => o.PublicBaseUrl is not { Length: > 0 } url || Uri.TryCreate(url, UriKind.Absolute, out _),
                "Webhooks__PublicBaseUrl must be an absolute URL")
            .ValidateOnStart();
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<PendingChanges>();
        services.TryAddSingleton<SubscriptionLookup>();
        services.TryAddSingleton<NotificationIntake>();
        services.TryAddSingleton<SubscriptionManager>();
        services.TryAddSingleton<LifecycleReactions>();
        services.TryAddSingleton<NotifiedSync>();
        return services;
    }
}
