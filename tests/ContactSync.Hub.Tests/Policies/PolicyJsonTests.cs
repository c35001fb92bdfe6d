using ContactSync.Engine.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Policies;

public class PolicyJsonTests
{
    private const string Full = """
        {
          "businessContacts": { "interval": "daily", "timeOfDay": "06:30", "baseType": "ownGroups",
                                "additionalGroups": ["sales", "management"], "folder": "Business contacts" },
          "contacts": { "interval": "PT10M", "direction": "twoWay", "importAll": true, "categories": ["Customers", "VIP"],
                        "classificationBranch": " Customers / Poland ", "conflictPolicy": "newestWins",
                        "deleteMode": "unlinkOnly", "folder": null, "massDeleteShare": 0.25 }
        }
        """;

    [Fact]
    public void A_full_policy_parses_into_its_settings()
    {
        var p = PolicyJson.Parse("p1", Full);
        Assert.True(p.IsOk, p.ToString());
        var b = p.Value!.BusinessContacts!;
        Assert.Equal(Interval.Daily, b.Interval);
        Assert.Equal(new TimeOnly(6, 30), b.TimeOfDay);
        Assert.Equal(BaseType.OwnGroups, b.BaseType);
        Assert.Equal(["sales", "management"], b.AdditionalGroups);
        Assert.Equal("Business contacts", b.Folder);
        var c = p.Value.Contacts!;
        Assert.Equal(TimeSpan.FromMinutes(10), c.Interval.Period);
        Assert.Equal(SyncDirection.TwoWay, c.Direction);
        Assert.True(c.ImportAll);
        Assert.Equal(["Customers", "VIP"], c.Categories);
        Assert.Equal("Customers/Poland", c.ClassificationBranch);
        Assert.Equal(ConflictPolicy.NewestWins, c.ConflictPolicy);
        Assert.Equal(DeleteMode.UnlinkOnly, c.DeleteMode);
        Assert.Null(c.Folder);
        Assert.Equal(0.25, c.MassDeleteShare);
    }

    [Fact]
    public void Serialising_and_parsing_again_gives_the_same_json()
    {
        var once = PolicyWriter.Serialize(PolicyJson.Parse("p1", Full).Value!);
        var twice = PolicyWriter.Serialize(PolicyJson.Parse("p1", once).Value!);
        Assert.Equal(once, twice);
        Assert.Contains("\"conflictPolicy\":\"newestWins\"", once);
        Assert.Contains("\"interval\":\"PT10M\"", once);
        Assert.Contains("\"timeOfDay\":\"06:30\"", once);
    }

    [Fact]
    public void Omitted_settings_take_their_defaults_and_an_omitted_section_is_not_synced()
    {
        var p = PolicyJson.Parse("p", """{ "contacts": { "interval": "off" } }""").Value!;
        Assert.Null(p.BusinessContacts);
        Assert.Equal(SyncDirection.TwoWay, p.Contacts!.Direction);
        Assert.Equal(ConflictPolicy.Manual, p.Contacts.ConflictPolicy);
        Assert.Equal(DeleteMode.Propagate, p.Contacts.DeleteMode);
        Assert.Equal(0.3, p.Contacts.MassDeleteShare);
    }

    [Theory]
    [InlineData("""{ "contacts": { "interval": "PT1M" } }""", "contacts.interval", "contacts.interval: PT1M is shorter than the 5-minute minimum.")]
    [InlineData("""{ "contacts": { "interval": "sometimes" } }""", "contacts.interval", "is not an interval")]
    [InlineData("""{ "contacts": { } }""", "contacts.interval", "contacts.interval is required")]
    [InlineData("""{ "contacts": { "interval": "off", "direction": "sideways" } }""", "contacts.direction", "'sideways' is not one of twoWay, import, export")]
    [InlineData("""{ "contacts": { "interval": "off", "conflictPolicy": "HubWins" } }""", "contacts.conflictPolicy", "is not one of manual, hubWins")]
    [InlineData("""{ "contacts": { "interval": "off", "conflictPolicy": "1" } }""", "contacts.conflictPolicy", "is not one of")]
    [InlineData("""{ "contacts": { "interval": "off", "deleteMode": 2 } }""", "contacts.deleteMode", "must be a string")]
    [InlineData("""{ "contacts": { "interval": "off", "massDeleteShare": 1.5 } }""", "contacts.massDeleteShare", "at most 1")]
    [InlineData("""{ "contacts": { "interval": "daily" } }""", "contacts.timeOfDay", "required for a daily interval")]
    [InlineData("""{ "contacts": { "interval": "daily", "timeOfDay": "25:00" } }""", "contacts.timeOfDay", "not a time of day")]
    [InlineData("""{ "contacts": { "interval": "PT10M", "timeOfDay": "06:00" } }""", "contacts.timeOfDay", "applies only to daily")]
    [InlineData("""{ "contacts": { "interval": "off", "colour": "red" } }""", "contacts.colour", "not a known setting")]
    [InlineData("""{ "calendar": { "interval": "off" } }""", "calendar", "not a known setting")]
    [InlineData("""{ "businessContacts": { "interval": "off", "baseType": "everyone" } }""", "businessContacts.baseType", "is not one of none, ownGroups, allGroups")]
    [InlineData("""{ "businessContacts": { "interval": "off", "additionalGroups": ["ok", "no/slash"] } }""", "businessContacts.additionalGroups[1]", "not a valid id")]
    [InlineData("""{ "businessContacts": "daily" }""", "businessContacts", "must be an object")]
    [InlineData("""{ "id": "other" }""", "id", "differs from 'p1'")]
    public void Bad_settings_are_reported_per_field(string json, string field, string message)
    {
        var p = PolicyJson.Parse("p1", json);
        Assert.Equal(OutcomeKind.Invalid, p.Kind);
        Assert.True(p.Errors!.Errors.ContainsKey(field), p.Errors.ToString());
        Assert.Contains(p.Errors.Errors[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Several_errors_are_reported_together()
    {
        var p = PolicyJson.Parse("p1", """{ "contacts": { "interval": "PT2M", "direction": "up" }, "businessContacts": { "interval": "yearly" } }""");
        Assert.Equal(["businessContacts.interval", "contacts.direction", "contacts.interval"], p.Errors!.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void Malformed_json_is_a_validation_error_not_an_exception()
    {
        var p = PolicyJson.Parse("p1", "{ \"contacts\": ");
        Assert.Equal(OutcomeKind.Invalid, p.Kind);
        Assert.Contains("not valid JSON", p.Errors!.ToString());
    }
}
