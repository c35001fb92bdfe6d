using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactSync.Hub;

namespace ContactSync.Handler.Tests.Api;

/// <summary>Hub contacts over HTTP: canonical phones, ETag/If-Match, filters, CSV export with a BOM, nothing stored on a 400.</summary>
[Collection(ApiCollection.Name)]
public class HubContactsApiTests(ApiHostFixture fx)
{
    [Fact]
    public async Task Contacts_are_put_read_filtered_exported_and_deleted()
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var created = await http.PutAsJsonAsync($"api/tenants/{t}/contacts/c1", new Dictionary<string, object>
        {
            ["displayName"] = "Zofia Wiśniewska", ["emails"] = new[] { "zofia@contoso.com" }, ["mobilePhones"] = new[] { "601 234 567" },
            ["categories"] = new[] { "VIP" }, ["syncTags"] = new[] { "sales" }, ["notes"] = new string('n', 5000),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var etag = created.Headers.GetValues("ETag").Single();
        var body = await ApiHostFixture.JsonAsync(created);
        Assert.Equal("+48601234567", body.GetProperty("mobilePhones")[0].GetString());
        await http.PutAsJsonAsync($"api/tenants/{t}/contacts/c2", new { displayName = "Other", categories = new[] { "Plain" } });

        var vip = await http.GetFromJsonAsync<JsonElement>($"api/tenants/{t}/contacts?category=vip");
        Assert.Equal(["c1"], vip.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var tagged = await http.GetFromJsonAsync<JsonElement>($"api/tenants/{t}/contacts?tag=sales");
        Assert.Single(tagged.GetProperty("value").EnumerateArray());

        using var export = await http.GetAsync($"api/tenants/{t}/contacts/export?format=csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("Wiśniewska", text);
        Assert.Contains(new string('n', 5000), text); // no Exchange length limits in the hub's export
        using var vcf = await http.GetAsync($"api/tenants/{t}/contacts/export?format=vcf");
        Assert.Equal(HttpStatusCode.BadRequest, vcf.StatusCode);

        using var replaced = await http.PutAsJsonAsync($"api/tenants/{t}/contacts/c1", new { displayName = "Zofia W.", syncTags = new[] { "sales" } });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var current = replaced.Headers.GetValues("ETag").Single();
        Assert.NotEqual(etag, current);
        using var stale = new HttpRequestMessage(HttpMethod.Delete, $"api/tenants/{t}/contacts/c1");
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using var refused = await http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.NotNull(await fx.Tables.GetAsync(HubTables.HubContacts, t, "c1"));

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"api/tenants/{t}/contacts/c1");
        delete.Headers.TryAddWithoutValidation("If-Match", current);
        using var deleted = await http.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await http.GetAsync($"api/tenants/{t}/contacts/c1");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"unterminated")]
    [InlineData("W/abc")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("\"has space\"")]
    [InlineData("\"a\", *")]
    public async Task An_if_match_that_is_no_entity_tag_matches_nothing_and_is_412(string ifMatch)
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var created = await http.PutAsJsonAsync($"api/tenants/{t}/contacts/c1", new { displayName = "Jan" });
        var version = created.Headers.GetValues("ETag").Single();

        using var put = new HttpRequestMessage(HttpMethod.Put, $"api/tenants/{t}/contacts/c1") { Content = JsonContent.Create(new { displayName = "Changed" }) };
        put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var refusedPut = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refusedPut.StatusCode);
        Assert.Equal("application/problem+json", refusedPut.Content.Headers.ContentType?.MediaType);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"api/tenants/{t}/contacts/c1");
        delete.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var refusedDelete = await http.SendAsync(delete);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refusedDelete.StatusCode);
        using var absent = new HttpRequestMessage(HttpMethod.Put, $"api/tenants/{t}/contacts/c9") { Content = JsonContent.Create(new { displayName = "New" }) };
        absent.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await http.SendAsync(absent)).StatusCode);

        // Nothing was written: the contact is still at its version with its name, and c9 was not created.
        var stored = await fx.Tables.GetAsync(HubTables.HubContacts, t, "c1");
        Assert.Equal(version, stored?.ETag);
        Assert.Null(await fx.Tables.GetAsync(HubTables.HubContacts, t, "c9"));
    }

    [Fact]
    public async Task An_if_match_list_matches_when_one_of_its_tags_is_the_current_version()
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var created = await http.PutAsJsonAsync($"api/tenants/{t}/contacts/c1", new { displayName = "Jan" });
        var version = created.Headers.GetValues("ETag").Single();
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"api/tenants/{t}/contacts/c1") { Content = JsonContent.Create(new { displayName = "Old" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\", \"other\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await http.SendAsync(stale)).StatusCode);
        // Without If-Match this PUT would create c2; with one, no version matches: 412 (RFC 9110 §13.2.1) and nothing created.
        using var absent = new HttpRequestMessage(HttpMethod.Put, $"api/tenants/{t}/contacts/c2") { Content = JsonContent.Create(new { displayName = "Ewa" }) };
        absent.Headers.TryAddWithoutValidation("If-Match", version);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await http.SendAsync(absent)).StatusCode);
        Assert.Null(await fx.Tables.GetAsync(HubTables.HubContacts, t, "c2"));
        using var listed = new HttpRequestMessage(HttpMethod.Put, $"api/tenants/{t}/contacts/c1") { Content = JsonContent.Create(new { displayName = "Jan K." }) };
        listed.Headers.TryAddWithoutValidation("If-Match", $"\"other\", {version}");
        using var saved = await http.SendAsync(listed);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Jan K.", (await ApiHostFixture.JsonAsync(saved)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_bad_contact_is_400_per_field_and_not_stored()
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var bad = await http.PutAsJsonAsync($"api/tenants/{t}/contacts/c1", new Dictionary<string, object>
        {
            ["displayName"] = "X", ["emails"] = new[] { "not-an-address" }, ["shoeSize"] = "44", ["surname"] = 5,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ApiHostFixture.JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("surname", out _), errors.ToString());
        using var bad2 = await http.PutAsJsonAsync($"api/tenants/{t}/contacts/c1", new Dictionary<string, object>
        {
            ["displayName"] = "X", ["emails"] = new[] { "not-an-address" }, ["shoeSize"] = "44",
        });
        var errors2 = (await ApiHostFixture.JsonAsync(bad2)).GetProperty("errors");
        Assert.True(errors2.TryGetProperty("shoeSize", out _), errors2.ToString());
        Assert.Null(await fx.Tables.GetAsync(HubTables.HubContacts, t, "c1"));
        using var badId = await http.GetAsync($"api/tenants/{t}/contacts/bad%21id");
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
    }
}
