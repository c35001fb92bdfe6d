using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactSync.Handler.Maintenance;

/// <summary>The HubMaintenance timer's service and its retentions.</summary>
public static class MaintenanceServiceCollectionExtensions
{
    public static IServiceCollection AddContactSyncMaintenance(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MaintenanceSettings>().Bind(config.GetSection(MaintenanceSettings.Section))
            .Validate(o => o.ChangeFeedDays > 0, "Maintenance__ChangeFeedDays must be positive")
            .Validate(o => o.RunDays > 0, "Maintenance__RunDays must be positive")
            .Validate(o => o.KeepRuns > 0, "Maintenance__KeepRuns must be positive")
            // A job whose row is gone is recreated from its queue message (JobRunner): rows must outlive messages (7 days).
            .Validate(o => o.JobDays >= 7, "Maintenance__JobDays must be at least 7 (a queue message lives 7 days)")
            .ValidateOnStart();
        services.TryAddSingleton<HubMaintenance>();
        return services;
    }
}
