using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Targets;

public class TargetStoreTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_target_without_an_email_is_refused_and_not_saved(string? email)
    {
        var hub = await TestHub.CreateAsync();
        await hub.PolicyAsync("""{ "contacts": { "interval": "off" } }""");
        var saved = await hub.Targets.SaveAsync(hub.TenantId, new Target("anna", TargetKind.Mailbox, email, "anna@contoso.pl", "p1", []));
        Assert.Equal(OutcomeKind.Invalid, saved.Kind);
        Assert.Equal(["ownerEmail is required: a target without an e-mail address cannot be synced."], saved.Errors!.Errors["ownerEmail"]);
        Assert.Null(await hub.Targets.GetAsync(hub.TenantId, "anna"));
    }

    [Fact]
    public async Task The_policy_and_groups_must_exist()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("sales");
        var saved = await hub.Targets.SaveAsync(hub.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.pl", null, "ghost", ["sales", "nope", "b/d"]));
        Assert.Equal(["groupIds[1]", "groupIds[2]", "policyId"], saved.Errors!.Errors.Keys.Order().ToArray());
        Assert.Contains("policy 'ghost' does not exist", saved.Errors.Errors["policyId"][0]);
    }

    [Fact]
    public async Task A_saved_target_reads_back_and_its_mailbox_defaults_to_the_owner()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("sales");
        await hub.GroupAsync("board");
        await hub.PolicyAsync("""{ "businessContacts": { "interval": "PT30M" } }""");
        var saved = await hub.Targets.SaveAsync(hub.TenantId,
            new Target("anna", TargetKind.Mailbox, " Anna.Nowak@Contoso.PL ", null, "p1", ["sales", "board", "sales"], "Kontakty firmowe"));
        Assert.True(saved.IsOk, saved.ToString());
        var read = (await hub.Targets.GetAsync(hub.TenantId, "anna"))!;
        Assert.Equal("Anna.Nowak@contoso.pl", read.OwnerEmail);
        Assert.Equal("Anna.Nowak@contoso.pl", read.Mailbox);
        Assert.Equal(["sales", "board"], read.GroupIds);
        Assert.Equal("Kontakty firmowe", read.ContactFolder);
        Assert.Single(await hub.Targets.ListAsync(hub.TenantId));
        Assert.True((await hub.Targets.DeleteAsync(hub.TenantId, "anna")).IsOk);
        Assert.Equal(OutcomeKind.NotFound, (await hub.Targets.DeleteAsync(hub.TenantId, "anna")).Kind);
    }
}
