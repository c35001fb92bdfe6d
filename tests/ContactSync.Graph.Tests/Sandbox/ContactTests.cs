using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class ContactTests
{
    const string Marker = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name ContactSyncManaged";

    [Fact]
    public async Task A_created_contact_carries_changeKey_etag_timestamps_and_its_folder()
    {
        await using var h = await SandboxHarness.StartAsync();
        var created = await h.CreateContactAsync(h.Ann.UserPrincipalName, """{"givenName":"Pavel","surname":"Novak","emailAddresses":[{"name":"Pavel","address":"pavel@example.cz"}]}""");
        var changeKey = created["changeKey"]!.GetValue<string>();
        Assert.Equal($"W/\"{changeKey}\"", created["@odata.etag"]!.GetValue<string>());
        Assert.Equal("Pavel Novak", created["displayName"]!.GetValue<string>());
        Assert.Equal(h.Server.Control.DefaultFolderId(h.Ann.Id), created["parentFolderId"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(created["createdDateTime"]!.GetValue<string>(), out _));
        var stored = Assert.Single(h.Server.Contacts(h.Ann.Id));
        Assert.Equal("pavel@example.cz", stored["emailAddresses"]![0]!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_with_a_stale_If_Match_is_412_ErrorIrresolvableConflict_and_changes_nothing()
    {
        await using var h = await SandboxHarness.StartAsync();
        var created = await h.CreateContactAsync(h.Ann.Id, """{"givenName":"Eva"}""");
        var id = created["id"]!.GetValue<string>();
        var staleEtag = created["@odata.etag"]!.GetValue<string>();
        h.Server.OutlookUpdate(h.Ann.Id, id, new JsonObject { ["jobTitle"] = "Edited in Outlook" });

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"users/{h.Ann.Id}/contacts/{id}") { Content = SandboxHarness.Json("""{"jobTitle":"Ours"}""") };
        patch.Headers.TryAddWithoutValidation("If-Match", staleEtag);
        await SandboxHarness.AssertErrorAsync(await h.Http.SendAsync(patch), 412, "ErrorIrresolvableConflict");
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"users/{h.Ann.Id}/contacts/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", staleEtag);
        await SandboxHarness.AssertErrorAsync(await h.Http.SendAsync(delete), 412, "ErrorIrresolvableConflict");
        Assert.Equal("Edited in Outlook", Assert.Single(h.Server.Contacts(h.Ann.Id))["jobTitle"]!.GetValue<string>());

        var current = Assert.Single(h.Server.Contacts(h.Ann.Id))["@odata.etag"]!.GetValue<string>();
        using var retry = new HttpRequestMessage(HttpMethod.Patch, $"users/{h.Ann.Id}/contacts/{id}") { Content = SandboxHarness.Json("""{"jobTitle":"Ours"}""") };
        retry.Headers.TryAddWithoutValidation("If-Match", current);
        using var ok = await h.Http.SendAsync(retry);
        var updated = await SandboxHarness.BodyAsync(ok);
        Assert.Equal("Ours", updated["jobTitle"]!.GetValue<string>());
        Assert.NotEqual(current, updated["@odata.etag"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("emailAddresses", """[{"address":"a@x.pl"},{"address":"b@x.pl"},{"address":"c@x.pl"},{"address":"d@x.pl"}]""",
        "The multi value property EmailAddresses has 4 entries, that exceeds the max allowed value of 3")]
    [InlineData("businessPhones", """["1","2","3"]""", "The multi value property BusinessPhones has 3 entries, that exceeds the max allowed value of 2")]
    [InlineData("homePhones", """["1","2","3"]""", "The multi value property HomePhones has 3 entries, that exceeds the max allowed value of 2")]
    public async Task Exchange_limits_are_rejected_with_ErrorInvalidProperty(string property, string value, string message)
    {
        await using var h = await SandboxHarness.StartAsync();
        using var create = await h.Http.PostAsync($"users/{h.Ann.Id}/contacts", SandboxHarness.Json($$"""{"givenName":"X","{{property}}":{{value}}}"""));
        Assert.Equal(400, (int)create.StatusCode);
        var error = (await SandboxHarness.BodyAsync(create))["error"]!;
        Assert.Equal("ErrorInvalidProperty", error["code"]!.GetValue<string>());
        Assert.Equal(message, error["message"]!.GetValue<string>());
        Assert.Empty(h.Server.Contacts(h.Ann.Id));

        var existing = await h.CreateContactAsync(h.Ann.Id, """{"givenName":"Y"}""");
        using var patch = await h.Http.PatchAsync($"users/{h.Ann.Id}/contacts/{existing["id"]}", SandboxHarness.Json($$"""{"{{property}}":{{value}}}"""));
        await SandboxHarness.AssertErrorAsync(patch, 400, "ErrorInvalidProperty");
    }

    [Fact]
    public async Task Unknown_properties_bad_json_and_wrong_methods_get_Graph_error_bodies()
    {
        await using var h = await SandboxHarness.StartAsync();
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync($"users/{h.Ann.Id}/contacts", SandboxHarness.Json("""{"faxNumber":"1"}""")), 400, "RequestBodyRead");
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync($"users/{h.Ann.Id}/contacts", SandboxHarness.Json("{not json")), 400, "BadRequest");
        await SandboxHarness.AssertErrorAsync(await h.Http.PutAsync($"users/{h.Ann.Id}/contacts", SandboxHarness.Json("{}")), 405, "MethodNotAllowed");
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync("nothingHere"), 400, "BadRequest");
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync($"users/{h.Ann.Id}/contacts/AAMkAnothere"), 404, "ErrorItemNotFound");
        Assert.Empty(h.Server.Contacts(h.Ann.Id));
    }

    [Fact]
    public async Task Extended_properties_are_hidden_unless_expanded_and_filterable_on_lists()
    {
        await using var h = await SandboxHarness.StartAsync();
        var marked = await h.CreateContactAsync(h.Ann.Id, $$"""{"givenName":"Managed","singleValueExtendedProperties":[{"id":"{{Marker}}","value":"policy-1"}]}""");
        await h.CreateContactAsync(h.Ann.Id, """{"givenName":"Own"}""");
        Assert.Null(marked["singleValueExtendedProperties"]);

        var filter = Uri.EscapeDataString($"singleValueExtendedProperties/Any(ep: ep/id eq '{Marker}' and ep/value eq 'policy-1')");
        var list = await h.Http.GetFromJsonAsync<JsonObject>($"users/{h.Ann.Id}/contacts?$filter={filter}");
        Assert.Equal("Managed", Assert.Single(list!["value"]!.AsArray())!["givenName"]!.GetValue<string>());

        var expand = Uri.EscapeDataString($"singleValueExtendedProperties($filter=id eq '{Marker}')");
        var got = await h.Http.GetFromJsonAsync<JsonObject>($"users/{h.Ann.Id}/contacts/{marked["id"]}?$expand={expand}");
        var property = Assert.Single(got!["singleValueExtendedProperties"]!.AsArray())!;
        Assert.Equal("policy-1", property["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Folders_are_created_found_by_displayName_and_hold_their_own_contacts()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var created = await h.Http.PostAsync($"users/{h.Ann.Id}/contactFolders", SandboxHarness.Json("""{"displayName":"Business O'Contacts"}"""));
        Assert.Equal(201, (int)created.StatusCode);
        var folderId = (await SandboxHarness.BodyAsync(created))["id"]!.GetValue<string>();
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync($"users/{h.Ann.Id}/contactFolders", SandboxHarness.Json("""{"displayName":"Business O'Contacts"}""")), 409, "ErrorFolderExists");

        var found = await h.Http.GetFromJsonAsync<JsonObject>($"users/{h.Ann.Id}/contactFolders?$filter={Uri.EscapeDataString("displayName eq 'Business O''Contacts'")}");
        Assert.Equal(folderId, Assert.Single(found!["value"]!.AsArray())!["id"]!.GetValue<string>());

        await h.CreateContactAsync(h.Ann.Id, """{"givenName":"InFolder"}""", folderId);
        await h.CreateContactAsync(h.Ann.Id, """{"givenName":"InDefault"}""");
        var inFolder = await h.Http.GetFromJsonAsync<JsonObject>($"users/{h.Ann.Id}/contactFolders/{folderId}/contacts");
        Assert.Equal("InFolder", Assert.Single(inFolder!["value"]!.AsArray())!["givenName"]!.GetValue<string>());
        var inDefault = await h.Http.GetFromJsonAsync<JsonObject>($"users/{h.Ann.Id}/contacts");
        Assert.Equal("InDefault", Assert.Single(inDefault!["value"]!.AsArray())!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Immutable_id_preference_is_echoed_in_Preference_Applied()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"users/{h.Ann.Id}/contacts");
        request.Headers.TryAddWithoutValidation("Prefer", "IdType=\"ImmutableId\"");
        using var response = await h.Http.SendAsync(request);
        Assert.Equal("IdType=\"ImmutableId\"", response.Headers.GetValues("Preference-Applied").Single());
    }

    [Fact]
    public async Task Lists_page_with_top_and_nextLink()
    {
        await using var h = await SandboxHarness.StartAsync();
        for (var i = 0; i < 12; i++) h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = $"P{i}" });
        var first = await h.Http.GetFromJsonAsync<JsonObject>($"users/{h.Ann.Id}/contacts?$top=5&$select=givenName");
        Assert.Equal(5, first!["value"]!.AsArray().Count);
        Assert.Null(first["value"]![0]!["surname"]);
        var names = new List<string>();
        for (var page = first; page is not null; page = page["@odata.nextLink"] is { } next ? await h.Http.GetFromJsonAsync<JsonObject>(next.GetValue<string>()) : null)
            names.AddRange(page["value"]!.AsArray().Select(c => c!["givenName"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"P{i}"), names);
    }
}
