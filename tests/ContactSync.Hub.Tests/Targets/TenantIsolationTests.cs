using System.Text;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Hub.Tests.Targets;

/// <summary>Two tenants in one store: ids that exist only in the other tenant are as good as missing.</summary>
public class TenantIsolationTests
{
    [Fact]
    public async Task A_tenant_cannot_use_or_see_another_tenants_policies_groups_members_or_targets()
    {
        var store = new InMemoryTableStore();
        var a = await TestHub.CreateAsync(store);
        var b = await TestHub.CreateAsync(store);
        await a.GroupAsync("sales");
        await a.Import.ImportAsync(a.TenantId, "sales", Encoding.UTF8.GetBytes("displayName,email\nAnna,anna@contoso.pl\n"), null, "PL");
        await a.PolicyAsync("""{ "businessContacts": { "interval": "off", "baseType": "allGroups" } }""");
        Assert.True((await a.Targets.SaveAsync(a.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.pl", null, "p1", ["sales"]))).IsOk);

        var refused = await b.Targets.SaveAsync(b.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.pl", null, "p1", ["sales"]));
        Assert.Equal(["groupIds[0]", "policyId"], refused.Errors!.Errors.Keys.Order().ToArray());
        Assert.Null(await b.Targets.GetAsync(b.TenantId, "anna"));
        Assert.Empty(await b.Groups.ListAsync(b.TenantId));
        Assert.Equal(OutcomeKind.NotFound, (await b.Groups.MembersAsync(b.TenantId, "sales")).Kind);
        Assert.Empty(await b.Groups.GroupsWithMemberAsync(b.TenantId, "anna@contoso.pl"));
        Assert.Equal(OutcomeKind.NotFound, (await b.Import.ImportAsync(b.TenantId, "sales", Encoding.UTF8.GetBytes("email\nx@y.pl"), null, "PL")).Kind);

        await b.PolicyAsync("""{ "businessContacts": { "interval": "off", "baseType": "allGroups" } }""");
        var bTarget = (await b.Targets.SaveAsync(b.TenantId, new Target("bob", TargetKind.Mailbox, "anna@contoso.pl", null, "p1", []))).Value!;
        var section = (await b.Policies.GetAsync(b.TenantId, "p1"))!.BusinessContacts!;
        Assert.Empty(await b.Scope.MembersAsync(b.TenantId, bTarget, section));
        Assert.Single(await a.Scope.MembersAsync(a.TenantId, (await a.Targets.GetAsync(a.TenantId, "anna"))!, section));
    }
}
