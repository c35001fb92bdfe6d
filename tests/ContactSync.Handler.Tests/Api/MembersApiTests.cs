using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactSync.Hub;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Api;

/// <summary>Groups and CSV member import over HTTP: bad rows reported by line while good rows land in <c>members</c>,
/// 422 when nothing was usable, charset honoured, size and type limits, paged listing.</summary>
[Collection(ApiCollection.Name)]
public class MembersApiTests(ApiHostFixture fx)
{
    private static ByteArrayContent Csv(byte[] bytes, string type = "text/csv")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private async Task<(string Tenant, HttpClient Http)> GroupAsync(string group)
    {
        var (t, key) = await fx.NewTenantAsync();
        var http = fx.Client(key);
        using var created = await http.PutAsJsonAsync($"api/tenants/{t}/groups/{group}", new { displayName = "Sales", source = "csv" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (t, http);
    }

    private async Task<List<string>> MemberIdsAsync(string tenant, string group)
    {
        var ids = new List<string>();
        await foreach (var e in fx.Tables.QueryAsync(HubTables.Members, new TableQuery(TableFilter.Partition($"{tenant}|{group}")))) ids.Add(e.RowKey);
        return ids;
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_good_rows_are_stored()
    {
        var (t, http) = await GroupAsync("sales");
        var csv = "displayName,email,phone\r\nAnna Nowak,anna@contoso.com,+48 601 234 567\r\nBroken,not-an-email,\r\n,,\r\nJan Kowalski,jan@contoso.com,\r\n,bad@@x,\r\n";
        using var response = await http.PostAsync($"api/tenants/{t}/groups/sales/members/import", Csv(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiHostFixture.JsonAsync(response);
        Assert.Equal(2, body.GetProperty("imported").GetInt32());
        Assert.Equal([3, 6], body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(2, (await MemberIdsAsync(t, "sales")).Count);

        var first = await http.GetFromJsonAsync<JsonElement>($"api/tenants/{t}/groups/sales/members?top=1");
        Assert.Single(first.GetProperty("value").EnumerateArray());
        var token = first.GetProperty("continuation").GetString()!;
        var second = await http.GetFromJsonAsync<JsonElement>($"api/tenants/{t}/groups/sales/members?top=1&continuation={token}");
        var names = new[] { first, second }.Select(p => p.GetProperty("value")[0].GetProperty("contact").GetProperty("displayName").GetString()).Order();
        Assert.Equal(["Anna Nowak", "Jan Kowalski"], names);

        // A continuation from another group (or tenant) is refused rather than followed.
        var (t2, http2) = await GroupAsync("sales");
        using (http2)
        using (var foreign = await http2.GetAsync($"api/tenants/{t2}/groups/sales/members?top=1&continuation={token}"))
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        using var badTop = await http.GetAsync($"api/tenants/{t}/groups/sales/members?top=0");
        Assert.Equal(HttpStatusCode.BadRequest, badTop.StatusCode);
        using var noGroup = await http.GetAsync($"api/tenants/{t}/groups/nope/members");
        Assert.Equal(HttpStatusCode.NotFound, noGroup.StatusCode);
        http.Dispose();
    }

    [Fact]
    public async Task A_file_with_no_usable_row_is_422_and_writes_nothing_and_limits_are_enforced()
    {
        var (t, http) = await GroupAsync("g1");
        using (http)
        {
            using var none = await http.PostAsync($"api/tenants/{t}/groups/g1/members/import", Csv("displayName,email\r\nX,nope\r\n"u8.ToArray()));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
            Assert.Equal(2, (await ApiHostFixture.JsonAsync(none)).GetProperty("errors")[0].GetProperty("line").GetInt32());
            Assert.Empty(await MemberIdsAsync(t, "g1"));

            using var json = await http.PostAsync($"api/tenants/{t}/groups/g1/members/import", Csv("{}"u8.ToArray(), "application/json"));
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
            var big = new byte[10 * 1024 * 1024 + 1];
            Array.Fill(big, (byte)'a');
            using var tooBig = await http.PostAsync($"api/tenants/{t}/groups/g1/members/import", Csv(big));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
            Assert.Empty(await MemberIdsAsync(t, "g1"));

            // Windows-1250 bytes (not UTF-8) are read with the charset the upload names.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var cp1250 = Encoding.GetEncoding(1250).GetBytes("displayName,email\r\nŁucja Żółć,lucja@contoso.com\r\n");
            using var ansi = await http.PostAsync($"api/tenants/{t}/groups/g1/members/import", Csv(cp1250, "text/csv; charset=windows-1250"));
            Assert.Equal(HttpStatusCode.OK, ansi.StatusCode);
            var page = await http.GetFromJsonAsync<JsonElement>($"api/tenants/{t}/groups/g1/members");
            Assert.Equal("Łucja Żółć", page.GetProperty("value")[0].GetProperty("contact").GetProperty("displayName").GetString());
        }
    }

    [Fact]
    public async Task Groups_validate_and_an_entra_group_needs_its_object_id()
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var bad = await http.PutAsJsonAsync($"api/tenants/{t}/groups/e1", new { displayName = "All staff", source = "entra" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await ApiHostFixture.JsonAsync(bad)).GetProperty("errors").TryGetProperty("entraGroupId", out _));
        Assert.Null(await fx.Tables.GetAsync(HubTables.Groups, t, "e1"));
        using var csvSync = await http.PutAsJsonAsync($"api/tenants/{t}/groups/c1", new { displayName = "CSV" });
        using var notEntra = await http.PostAsync($"api/tenants/{t}/groups/c1/members/sync", null);
        Assert.Equal(HttpStatusCode.Conflict, notEntra.StatusCode);
        using var missing = await http.GetAsync($"api/tenants/{t}/groups/none");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
