using Azure.Core;
using Azure.Identity;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Maintenance;
using ContactSync.Handler.Options;
using ContactSync.Handler.Sync;
using ContactSync.Handler.Tenancy;
using ContactSync.Handler.Webhooks;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler;

/// <summary>The handler's services and their settings, validated at start with messages that name the setting.</summary>
public static class HandlerServiceCollectionExtensions
{
    public static IServiceCollection AddContactSyncHandler(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ContactSyncOptions>().Bind(config.GetSection(ContactSyncOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.AdminKey), "ContactSync__AdminKey is required (the platform admin key)")
            .Validate(o => !KeyVaultReference.IsUnresolved(o.AdminKey),
                $"ContactSync__AdminKey is an unresolved Key Vault reference ({KeyVaultReference.Hint}); it would be the admin key as typed")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(config.GetSection(StorageOptions.Section))
            .Configure(o => o.ConnectionString = config[StorageOptions.Section])
            .Validate(o => o.IsValid, "AzureWebJobsStorage is required: a connection string, or " +
                "AzureWebJobsStorage__tableServiceUri and AzureWebJobsStorage__queueServiceUri for a managed identity")
            .ValidateOnStart();
        services.AddOptions<JobsOptions>().Bind(config.GetSection(JobsOptions.Section))
            .Configure(o => o.Queue = config[JobsOptions.QueueSetting] is { Length: > 0 } q ? q : o.Queue)
            .Validate(o => o.Lease > TimeSpan.Zero, "Jobs__Lease must be positive")
            .ValidateOnStart();
        services.AddOptions<SchedulerOptions>().Bind(config.GetSection(SchedulerOptions.Section))
            .Validate(o => o.HeartbeatJobs is >= 0 and <= 32, "Scheduler__HeartbeatJobs must be between 0 and 32")
            .ValidateOnStart();

        // Tenants from the deployment's parameters; an invalid entry stops the start naming its setting.
        services.AddOptions<ProvisionedTenantsOptions>().Bind(config.GetSection(ProvisionedTenantsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CreateAccount(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateTableStore());
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateQueueStore());
        services.AddHostedService<StorageBootstrap>();

        services.AddSingleton<JobStore>();
        services.AddSingleton<JobWork>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobScheduler>();
        services.AddContactSyncSync(config);
        services.AddContactSyncWebhooks(config);
        services.AddContactSyncMaintenance(config);
        services.AddHostedService<ProvisionedTenantsBootstrap>(); // after the hub tables exist (hosted services start in order)
        services.AddProblemDetails();
        return services;
    }

    private static StorageAccount CreateAccount(StorageOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ConnectionString)) return StorageAccount.Parse(o.ConnectionString);
        TokenCredential credential = o.ClientId is { Length: > 0 } id
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
            : new DefaultAzureCredential();
        return StorageAccount.FromIdentity(o.TableServiceUri!, o.QueueServiceUri!, credential);
    }
}
