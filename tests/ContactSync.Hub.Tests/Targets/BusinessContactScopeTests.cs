using System.Text;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Support;

namespace ContactSync.Hub.Tests.Targets;

public class BusinessContactScopeTests
{
    private static async Task<(TestHub Hub, Target Target)> SetUpAsync()
    {
        var hub = await TestHub.CreateAsync();
        foreach (var g in new[] { "sales", "board", "support", "partners" }) await hub.GroupAsync(g);
        async Task Import(string group, string csv) =>
            Assert.Empty((await hub.Import.ImportAsync(hub.TenantId, group, Encoding.UTF8.GetBytes("displayName,email\n" + csv), null, "PL")).Value!.Errors);
        await Import("sales", "Anna Nowak,ANNA@contoso.pl\nJan Kowalski,jan@contoso.pl\n");
        await Import("board", "Anna Nowak,anna@contoso.pl\nEwa Wójcik,ewa@contoso.pl\n");
        await Import("support", "Piotr Zieliński,piotr@contoso.pl\n");
        await Import("partners", "Jiří Dvořák,jiri@partner.cz\nJan Kowalski,jan@contoso.pl\n");
        await hub.PolicyAsync("""{ "businessContacts": { "interval": "off" } }""");
        var target = (await hub.Targets.SaveAsync(hub.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.pl", null, "p1", ["support"]))).Value!;
        return (hub, target);
    }

    private static BusinessContactsSection Section(BaseType type, params string[] additional) =>
        new(ContactSync.Hub.Scheduling.Interval.Off, null, type, additional, null);

    [Fact]
    public async Task Own_groups_are_those_listing_the_owner_plus_the_targets_groups_plus_additional_ones()
    {
        var (hub, target) = await SetUpAsync();
        Assert.Equal(["board", "sales", "support"], await hub.Scope.GroupIdsAsync(hub.TenantId, target, Section(BaseType.OwnGroups)));
        Assert.Equal(["board", "partners", "sales", "support"], await hub.Scope.GroupIdsAsync(hub.TenantId, target, Section(BaseType.OwnGroups, "partners")));
    }

    [Fact]
    public async Task None_and_all_groups()
    {
        var (hub, target) = await SetUpAsync();
        Assert.Empty(await hub.Scope.GroupIdsAsync(hub.TenantId, target, Section(BaseType.None)));
        Assert.Equal(["partners"], await hub.Scope.GroupIdsAsync(hub.TenantId, target, Section(BaseType.None, "partners")));
        Assert.Equal(["board", "partners", "sales", "support"], await hub.Scope.GroupIdsAsync(hub.TenantId, target, Section(BaseType.AllGroups)));
    }

    [Fact]
    public async Task A_person_in_two_groups_comes_once()
    {
        var (hub, target) = await SetUpAsync();
        var members = await hub.Scope.MembersAsync(hub.TenantId, target, Section(BaseType.AllGroups));
        Assert.Equal(["anna@contoso.pl", "ewa@contoso.pl", "jan@contoso.pl", "jiri@partner.cz", "piotr@contoso.pl"],
            members.Select(m => m.Email!.ToLowerInvariant()).Order());
    }

    [Fact]
    public async Task Another_tenants_groups_do_not_count()
    {
        var (hub, target) = await SetUpAsync();
        Assert.Empty(await hub.Groups.GroupsWithMemberAsync("other", "anna@contoso.pl"));
        Assert.Empty(await hub.Scope.GroupIdsAsync("other", target with { GroupIds = [] }, Section(BaseType.OwnGroups)));
    }
}
