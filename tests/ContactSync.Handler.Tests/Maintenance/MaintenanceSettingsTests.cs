using ContactSync.Handler.Maintenance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Tests.Maintenance;

/// <summary>The retentions bind from <c>Maintenance__*</c>, default when unset, and a retention that is not positive is
/// refused naming its setting (ValidateOnStart: the handler does not start).</summary>
public class MaintenanceSettingsTests
{
    [Fact]
    public void Unset_retentions_are_the_defaults_and_set_ones_bind()
    {
        Assert.Equal((45, 30, 20, 7), Retentions(Settings()));
        Assert.Equal((90, 14, 5, 10), Retentions(Settings(("ChangeFeedDays", "90"), ("RunDays", "14"), ("KeepRuns", "5"), ("JobDays", "10"))));
    }

    [Theory]
    [InlineData("ChangeFeedDays", "0")]
    [InlineData("RunDays", "-1")]
    [InlineData("KeepRuns", "0")]
    public void A_retention_that_is_not_positive_is_refused_naming_its_setting(string name, string value)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Settings((name, value)));
        Assert.Equal([$"Maintenance__{name} must be positive"], e.Failures);
    }

    [Fact]
    public void Jobs_are_kept_at_least_as_long_as_their_queue_messages_live()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Settings(("JobDays", "6")));
        Assert.Equal(["Maintenance__JobDays must be at least 7 (a queue message lives 7 days)"], e.Failures);
    }

    private static (int, int, int, int) Retentions(MaintenanceSettings s) => (s.ChangeFeedDays, s.RunDays, s.KeepRuns, s.JobDays);

    private static MaintenanceSettings Settings(params (string Name, string Value)[] values)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Maintenance:{v.Name}", v.Value))).Build();
        using var services = new ServiceCollection().AddContactSyncMaintenance(config).BuildServiceProvider();
        return services.GetRequiredService<IOptions<MaintenanceSettings>>().Value;
    }
}
