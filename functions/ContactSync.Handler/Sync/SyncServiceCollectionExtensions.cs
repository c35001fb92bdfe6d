using ContactSync.Hub.Directory;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactSync.Handler.Sync;

/// <summary>The hub stores and the sync job's services. TryAdd, so the management API's own registrations of the same
/// stores are not doubled.</summary>
public static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddContactSyncSync(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SyncSettings>().Bind(config.GetSection(SyncSettings.Section))
            .Validate(o => o.BusyRetryDelay > TimeSpan.Zero, "Sync__BusyRetryDelay must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<TenantStore>();
        services.TryAddSingleton<GroupStore>();
        services.TryAddSingleton(sp => new PolicyStore(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<GroupStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TargetStore(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<PolicyStore>(),
            sp.GetRequiredService<GroupStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BusinessContactScope>();
        services.TryAddSingleton(sp => new SyncStateStore(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RunStore>();
        services.TryAddSingleton<DueIndex>();
        services.TryAddSingleton<TargetScheduling>();
        services.TryAddSingleton<GraphClients>();
        services.AddHttpClient(TargetEndpoints.HttpClientName);
        services.AddHttpClient(TargetEndpoints.CardDavHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
        services.TryAddSingleton<TargetEndpoints>();
        services.TryAddSingleton<TenantZoneChange>();
        services.TryAddSingleton<SyncComposer>();
        services.TryAddSingleton<SyncRunner>();
        services.TryAddSingleton<Backups.BackupRunner>();
        services.TryAddSingleton<Backups.RestoreRunner>();
        services.AddHostedService<HubTablesBootstrap>();
        return services;
    }
}
