using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Targets;

/// <summary>Targets of kind device (M22): the JSON, the row and what saving refuses, with the API's field paths.</summary>
public class DeviceTargetTests
{
    private const string Api = """
        { "kind": "device", "ownerEmail": "anna@contoso.example", "policyId": "p1",
          "device": { "protocol": "api", "url": "http://127.0.0.1:7073/devices/anna-phone", "credentialReference": "DEVICE_TOKEN_ANNA", "name": "Anna's phone" } }
        """;

    private const string CardDav = """
        { "kind": "device", "ownerEmail": "jan@contoso.example", "policyId": "p1",
          "device": { "protocol": "cardDav", "url": "http://127.0.0.1:5232/jan/contacts/", "userName": "jan", "credentialReference": "https://kv-famoc.vault.azure.net/secrets/jan-pass" } }
        """;

    [Fact]
    public async Task A_device_target_round_trips_through_json_and_its_row()
    {
        var hub = await TestHub.CreateAsync();
        await hub.PolicyAsync("""{ "businessContacts": { "interval": "PT30M" } }""");
        foreach (var (id, json) in new[] { ("anna", Api), ("jan", CardDav) })
        {
            var parsed = TargetJson.Parse(id, json);
            Assert.True(parsed.IsOk, parsed.ToString());
            Assert.True((await hub.Targets.SaveAsync(hub.TenantId, parsed.Value!)).IsOk);
            var read = (await hub.Targets.GetAsync(hub.TenantId, id))!;
            Assert.Equal(TargetKind.Device, read.Kind);
            Assert.Equal(parsed.Value!.Device, read.Device);
            Assert.Null(read.Mailbox);
            Assert.Equal(read.Device, TargetJson.Parse(id, TargetJson.Write(read)).Value!.Device);
        }
        var jan = (await hub.Targets.GetAsync(hub.TenantId, "jan"))!.Device!;
        Assert.Equal(new DeviceEndpoint(DeviceProtocol.CardDav, "http://127.0.0.1:5232/jan/contacts/",
            "https://kv-famoc.vault.azure.net/secrets/jan-pass", "jan"), jan);
        Assert.Contains("\"protocol\":\"cardDav\"", TargetJson.Write((await hub.Targets.GetAsync(hub.TenantId, "jan"))!));
    }

    [Fact]
    public void A_secret_or_an_unknown_setting_in_device_is_refused_by_path()
    {
        var t = TargetJson.Parse("anna", """
            { "kind": "device", "ownerEmail": "a@b.pl", "policyId": "p1",
              "device": { "protocol": "ftp", "url": "http://x/", "token": "abc", "colour": "red" } }
            """);
        Assert.Equal(["device.colour", "device.protocol", "device.token"], t.Errors!.Errors.Keys.Order().ToArray());
        Assert.Contains("credentialReference", t.Errors.Errors["device.token"][0]);
    }

    [Theory]
    [InlineData("""{ "protocol": "api", "url": "/relative", "credentialReference": "T" }""", "device.url")]
    [InlineData("""{ "protocol": "api", "url": "ftp://host/x", "credentialReference": "T" }""", "device.url")]
    [InlineData("""{ "protocol": "api", "url": "https://host/x" }""", "device.credentialReference")]
    [InlineData("""{ "protocol": "api", "url": "https://host/x", "credentialReference": "s3cr3t+/==" }""", "device.credentialReference")]
    [InlineData("""{ "protocol": "cardDav", "url": "https://host/x", "credentialReference": "https://evil.example/secrets/x" }""", "device.credentialReference")]
    public async Task A_bad_device_endpoint_is_refused_with_its_field_path(string device, string field)
    {
        var errors = await SaveErrorsAsync($$"""{ "kind": "device", "ownerEmail": "a@b.pl", "policyId": "p1", "device": {{device}} }""");
        Assert.Equal([field], errors.Keys.ToArray());
    }

    [Fact]
    public async Task Kind_and_device_must_agree_and_a_device_needs_an_owner()
    {
        Assert.Equal(["contactFolder", "device", "mailboxUser", "ownerEmail"], (await SaveErrorsAsync(
            """{ "kind": "device", "policyId": "p1", "mailboxUser": "a@b.pl", "contactFolder": "F" }""")).Keys.ToArray());
        Assert.Equal(["device"], (await SaveErrorsAsync(
            """{ "ownerEmail": "a@b.pl", "policyId": "p1", "device": { "protocol": "api", "url": "https://h/", "credentialReference": "T" } }""")).Keys.ToArray());
        var anonymous = TargetJson.Parse("x", """{ "kind": "device", "ownerEmail": "a@b.pl", "policyId": "p1", "device": { "protocol": "cardDav", "url": "http://h/book/" } }""");
        var hub = await TestHub.CreateAsync();
        await hub.PolicyAsync("""{ "contacts": { "interval": "off" } }""");
        Assert.True((await hub.Targets.SaveAsync(hub.TenantId, anonymous.Value!)).IsOk);
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> SaveErrorsAsync(string json)
    {
        var hub = await TestHub.CreateAsync();
        await hub.PolicyAsync("""{ "contacts": { "interval": "off" } }""");
        var parsed = TargetJson.Parse("x", json);
        Assert.True(parsed.IsOk, parsed.ToString());
        var saved = await hub.Targets.SaveAsync(hub.TenantId, parsed.Value!);
        Assert.Equal(OutcomeKind.Invalid, saved.Kind);
        return saved.Errors!.Errors;
    }
}
