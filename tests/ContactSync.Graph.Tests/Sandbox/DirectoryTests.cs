using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Model;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class DirectoryTests
{
    [Fact]
    public async Task Group_members_come_with_their_contact_fields_paged_and_selected()
    {
        await using var h = await SandboxHarness.StartAsync();
        var extra = Enumerable.Range(0, 5).Select(i => h.Server.SeedUser(SandboxHarness.TenantId,
            new DirectoryUser { UserPrincipalName = $"u{i}@contoso.example", DisplayName = $"User {i}", JobTitle = "Engineer" })).ToList();
        var group = h.Server.SeedGroup(SandboxHarness.TenantId, new DirectoryGroup { DisplayName = "Sales", MemberIds = [h.Ann.Id, .. extra.Select(u => u.Id)] });

        var page = await h.Http.GetFromJsonAsync<JsonObject>($"groups/{group.Id}/members?$top=4&$select=id,displayName,jobTitle,businessPhones");
        var members = new List<JsonObject>();
        while (page is not null)
        {
            members.AddRange(page["value"]!.AsArray().Select(m => m!.AsObject()));
            page = page["@odata.nextLink"] is { } next ? await h.Http.GetFromJsonAsync<JsonObject>(next.GetValue<string>()) : null;
        }
        Assert.Equal(6, members.Count);
        var ann = members.Single(m => m["id"]!.GetValue<string>() == h.Ann.Id);
        Assert.Equal("#microsoft.graph.user", ann["@odata.type"]!.GetValue<string>());
        Assert.Equal("+48 22 555 0101", ann["businessPhones"]![0]!.GetValue<string>());
        Assert.Null(ann["mail"]);

        var byUpn = await h.Http.GetFromJsonAsync<JsonObject>("users/ann@contoso.example");
        Assert.Equal(h.Ann.Id, byUpn!["id"]!.GetValue<string>());
        var groups = await h.Http.GetFromJsonAsync<JsonObject>("groups");
        Assert.Equal("Sales", Assert.Single(groups!["value"]!.AsArray())!["displayName"]!.GetValue<string>());
    }
}
