using ContactSync.Graph.Directory;
using SandboxGroup = ContactSync.GraphSandbox.Model.DirectoryGroup;
using SandboxUser = ContactSync.GraphSandbox.Model.DirectoryUser;

namespace ContactSync.Graph.Tests.Connector;

/// <summary>Directory reads for business contacts: a group's members over several pages, users by id.</summary>
public sealed class DirectoryTests
{
    [Fact]
    public async Task Group_members_come_with_their_contact_fields_over_all_pages()
    {
        await using var sandbox = await ConnectorSandbox.StartAsync();
        var users = Enumerable.Range(0, 5).Select(i => sandbox.Server.SeedUser(ConnectorSandbox.TenantId, new SandboxUser
        {
            UserPrincipalName = $"p{i}@contoso.example", Mail = $"p{i}@contoso.example", GivenName = $"Petra{i}", Surname = "Dvořáková",
            DisplayName = $"Petra{i} Dvořáková", JobTitle = "Účetní", Department = "Finance", BusinessPhones = [$"+42022155500{i}"],
            MobilePhone = $"+42060255500{i}",
        })).ToList();
        var group = sandbox.Server.SeedGroup(ConnectorSandbox.TenantId, new SandboxGroup { DisplayName = "Finance", MemberIds = [.. users.Select(u => u.Id)] });
        using var client = sandbox.Client();

        var members = await new GraphDirectory(client).GroupMembersAsync(group.Id, pageSize: 2);

        Assert.Equal(users.Select(u => u.Id).Order(), members.Select(m => m.Id).Order());
        var p3 = members.Single(m => m.Mail == "p3@contoso.example").Contact;
        Assert.Equal(("Petra3", "Dvořáková", "Účetní", "Finance"), (p3["givenName"], p3["surname"], p3["jobTitle"], p3["department"]));
        Assert.Equal(("p3@contoso.example", "+420221555003", "+420602555003"), (p3["emails"], p3["businessPhones"], p3["mobilePhones"]));
    }

    [Fact]
    public async Task Users_are_read_by_id_and_unknown_ids_are_left_out()
    {
        await using var sandbox = await ConnectorSandbox.StartAsync();
        var anna = sandbox.Server.SeedUser(ConnectorSandbox.TenantId, new SandboxUser { UserPrincipalName = "anna@contoso.example", Mail = "anna@contoso.example", GivenName = "Anna" });
        using var client = sandbox.Client();

        var found = await new GraphDirectory(client).UsersAsync([anna.Id, Guid.NewGuid().ToString()]);

        Assert.Equal(("Anna", "anna@contoso.example"), (Assert.Single(found).Contact["givenName"], found[0].Mail));
    }
}
