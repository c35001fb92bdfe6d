using System.Net;
using System.Net.Http.Json;
using ContactSync.GraphSandbox.Model;
using ContactSync.Handler.Tests.EndToEnd;
using ContactSync.Hub;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Api;

/// <summary><c>POST …/groups/{groupId}/members/sync</c> through the real handler and the tenant's Graph client against
/// the Graph sandbox: the Entra group's users become the group's members; a second sync changes nothing.</summary>
public class EntraGroupSyncTests(SyncHostFixture fx) : IClassFixture<SyncHostFixture>
{
    [Fact]
    public async Task An_entra_group_is_filled_from_the_directory_through_the_API()
    {
        var tenant = await fx.TenantAsync();
        var entra = fx.Directories[tenant];
        var anna = fx.Sandbox.SeedUser(entra, new DirectoryUser
        {
            UserPrincipalName = $"anna@{tenant}.example", Mail = $"anna@{tenant}.example", DisplayName = "Anna Nowak", MobilePhone = "601 234 567",
        });
        var bob = fx.Sandbox.SeedUser(entra, new DirectoryUser { UserPrincipalName = $"bob@{tenant}.example", Mail = $"bob@{tenant}.example", DisplayName = "Bob" });
        var groupId = Guid.NewGuid().ToString();
        fx.Sandbox.SeedGroup(entra, new DirectoryGroup { Id = groupId, DisplayName = "Staff", MemberIds = [anna.Id, bob.Id] });

        using var put = await fx.Http.PutAsJsonAsync($"api/tenants/{tenant}/groups/staff", new { displayName = "Staff", source = "entra", entraGroupId = groupId });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var sync = await fx.Http.PostAsync($"api/tenants/{tenant}/groups/staff/members/sync", null);
        var body = await sync.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(sync.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(2, body.GetProperty("imported").GetInt32());

        var rows = new List<TableEntity>();
        await foreach (var e in fx.Tables.QueryAsync(HubTables.Members, new TableQuery(TableFilter.Partition($"{tenant}|staff")))) rows.Add(e);
        Assert.Equal(2, rows.Count);
        var annaRow = rows.Single(r => r.GetString("email") == $"anna@{tenant}.example").GetString("contact")!;
        Assert.True(annaRow.Contains("Anna Nowak") && annaRow.Contains("601"), annaRow);

        using var again = await fx.Http.PostAsync($"api/tenants/{tenant}/groups/staff/members/sync", null);
        var second = await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal((0, 2), (second.GetProperty("imported").GetInt32(), second.GetProperty("unchanged").GetInt32()));
    }
}
