using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>The rules fail when they should: an option nobody set in the Bicep, and a setting nobody reads.</summary>
public sealed class AppSettingsRulesTests
{
    private sealed class FakeOptions
    {
        public const string Section = "Fake";
        public const string EndpointSetting = "FAKE_ENDPOINT";

        public string Url { get; set; } = "";
        public TimeSpan? Timeout { get; set; }
        public List<FakeItem> Items { get; set; } = [];
        public string[] Tags { get; set; } = [];
        public FakeInner Inner { get; set; } = new();
        public string Computed => Url + "/x";
    }

    private sealed class FakeItem
    {
        public string Name { get; set; } = "";
    }

    private sealed class FakeInner
    {
        public int Count { get; set; }
    }

    private sealed class FakeListOptions : List<FakeItem>
    {
        public const string Section = "FakeList";
    }

    [Fact]
    public void Flattening_names_every_settable_property_and_the_first_list_index()
    {
        Assert.Equal(Sorted("Fake__Inner__Count", "Fake__Items__0__Name", "Fake__Tags__0", "Fake__Timeout", "Fake__Url"),
            OptionsSettings.Keys(typeof(FakeOptions)).Order(StringComparer.Ordinal));
        Assert.Equal(["FakeList__0__Name"], OptionsSettings.Keys(typeof(FakeListOptions)));
        Assert.Equal(["FAKE_ENDPOINT"], OptionsSettings.DirectSettings(typeof(FakeOptions)));
    }

    [Fact]
    public void An_option_without_a_bicep_setting_is_reported_missing()
    {
        var infra = BicepInfra.Load();
        var read = AppSettingsRules.ReadBy([typeof(FakeOptions), typeof(FakeListOptions)]);
        Assert.Equal(Sorted("FAKE_ENDPOINT", "Fake__Inner__Count", "Fake__Items__0__Name", "Fake__Tags__0", "Fake__Timeout",
            "Fake__Url", "FakeList__0__Name"), AppSettingsRules.Missing(read, infra.AppSettings()));
    }

    [Fact]
    public void A_set_option_is_not_missing_whatever_its_case()
    {
        var read = AppSettingsRules.ReadBy([typeof(FakeListOptions)]);
        Assert.Empty(AppSettingsRules.Missing(read, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fakelist__0__name" }));
    }

    [Fact]
    public void A_setting_read_by_nothing_is_reported_and_the_host_settings_and_percent_names_are_not()
    {
        var bicep = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            { "Fake__Url", "Fake__Typo", "AzureWebJobsStorage__blobServiceUri", "SCHEDULE", "LEFTOVER" };
        var read = AppSettingsRules.ReadBy([typeof(FakeOptions)]);
        var percent = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SCHEDULE" };
        Assert.Equal(Sorted("Fake__Typo", "LEFTOVER"), AppSettingsRules.Unread(bicep, read, percent));
    }

    private static IEnumerable<string> Sorted(params string[] names) => names.Order(StringComparer.Ordinal);
}
