using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class DeltaTests
{
    /// <summary>Follows @odata.nextLink to the end of a round; returns the items, the deltaLink and the page count.</summary>
    static async Task<(List<JsonObject> Items, string DeltaLink, int Pages)> RoundAsync(HttpClient http, string url, int? maxPageSize = null)
    {
        var items = new List<JsonObject>();
        for (var pages = 1; ; pages++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (maxPageSize is { } n) request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={n}");
            using var response = await http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            if (maxPageSize is { } m) Assert.Equal($"odata.maxpagesize={m}", response.Headers.GetValues("Preference-Applied").Single());
            var page = await SandboxHarness.BodyAsync(response);
            items.AddRange(page["value"]!.AsArray().Select(v => v!.AsObject()));
            if (page["@odata.deltaLink"] is { } delta)
            {
                Assert.Null(page["@odata.nextLink"]);
                Assert.Contains("$deltatoken=", delta.GetValue<string>());
                return (items, delta.GetValue<string>(), pages);
            }
            url = page["@odata.nextLink"]!.GetValue<string>();
            Assert.Contains("$skiptoken=", url);
        }
    }

    [Fact]
    public async Task First_round_pages_everything_then_later_rounds_return_only_changes_and_removals()
    {
        await using var h = await SandboxHarness.StartAsync();
        var folder = h.Server.Control.CreateFolder(h.Ann.Id, "Managed");
        var ids = Enumerable.Range(0, 25).Select(i => h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = $"C{i}" }, folder.Id)["id"]!.GetValue<string>()).ToList();
        h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "Elsewhere" });
        var url = $"users/{h.Ann.Id}/contactFolders/{folder.Id}/contacts/delta?$select=givenName,surname";

        var first = await RoundAsync(h.Http, url, maxPageSize: 10);
        Assert.Equal(3, first.Pages);
        Assert.Equal(ids.Order(), first.Items.Select(i => i["id"]!.GetValue<string>()).Order());
        Assert.All(first.Items, i => { Assert.NotNull(i["@odata.etag"]); Assert.Null(i["jobTitle"]); });

        var unchanged = await RoundAsync(h.Http, first.DeltaLink);
        Assert.Empty(unchanged.Items);

        h.Server.OutlookUpdate(h.Ann.Id, ids[3], new JsonObject { ["surname"] = "Changed" });
        h.Server.OutlookDelete(h.Ann.Id, ids[7]);
        var added = h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "New" }, folder.Id)["id"]!.GetValue<string>();
        var second = await RoundAsync(h.Http, unchanged.DeltaLink);
        Assert.Equal(3, second.Items.Count);
        Assert.Equal("Changed", second.Items.Single(i => i["id"]!.GetValue<string>() == ids[3])["surname"]!.GetValue<string>());
        Assert.Null(second.Items.Single(i => i["id"]!.GetValue<string>() == ids[3])["jobTitle"]);
        var removed = second.Items.Single(i => i["id"]!.GetValue<string>() == ids[7]);
        Assert.Equal("#microsoft.graph.contact", removed["@odata.type"]!.GetValue<string>());
        Assert.Equal("deleted", removed["@removed"]!["reason"]!.GetValue<string>());
        Assert.Contains(second.Items, i => i["id"]!.GetValue<string>() == added);
    }

    [Fact]
    public async Task Default_page_size_is_ten_and_the_default_folder_has_its_own_delta()
    {
        await using var h = await SandboxHarness.StartAsync();
        for (var i = 0; i < 11; i++) h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = $"D{i}" });
        var round = await RoundAsync(h.Http, $"users/{h.Ann.Id}/contacts/delta");
        Assert.Equal(2, round.Pages);
        Assert.Equal(11, round.Items.Count);
        var sdkForm = await RoundAsync(h.Http, $"users/{h.Ann.Id}/contacts/delta()");
        Assert.Equal(11, sdkForm.Items.Count);
    }

    [Fact]
    public async Task Expired_or_unknown_tokens_are_410_SyncStateNotFound()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var h = await SandboxHarness.StartAsync(new SandboxOptions { Clock = clock, DeltaTokenLifetime = TimeSpan.FromHours(1) });
        h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "A" });
        var url = $"users/{h.Ann.Id}/contacts/delta";
        var round = await RoundAsync(h.Http, url);

        clock.Advance(TimeSpan.FromMinutes(61));
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync(round.DeltaLink), 410, "SyncStateNotFound");
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync(url + "?$deltatoken=made-up"), 410, "SyncStateNotFound");

        var fresh = await RoundAsync(h.Http, url);
        Assert.Single(fresh.Items);
        Assert.Equal(1, h.Server.Control.ExpireDeltaTokens(h.Ann.Id));
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync(fresh.DeltaLink), 410, "SyncStateNotFound");
    }
}
