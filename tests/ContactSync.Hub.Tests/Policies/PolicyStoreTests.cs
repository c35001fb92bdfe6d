using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Policies;

public class PolicyStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_saved_policy_reads_back_with_its_times()
    {
        var clock = new ManualClock(T0);
        var hub = await TestHub.CreateAsync(time: clock);
        await hub.GroupAsync("sales");
        var saved = await hub.PolicyAsync("""{ "businessContacts": { "interval": "weekly", "timeOfDay": "07:15", "additionalGroups": ["sales"] } }""");
        var read = await hub.Policies.GetAsync(hub.TenantId, "p1");
        Assert.NotNull(read);
        Assert.Equal(PolicyWriter.Serialize(saved), PolicyWriter.Serialize(read));
        Assert.Equal(T0, read.UpdatedAt);
        Assert.Equal(T0, read.BusinessContacts!.ChangedAt);
        Assert.Single(await hub.Policies.ListAsync(hub.TenantId));
    }

    [Fact]
    public async Task Only_a_changed_section_gets_a_new_change_time()
    {
        var clock = new ManualClock(T0);
        var hub = await TestHub.CreateAsync(time: clock);
        await hub.PolicyAsync("""{ "businessContacts": { "interval": "off" }, "contacts": { "interval": "PT10M" } }""");
        clock.Now = T0.AddHours(1);
        await hub.PolicyAsync("""{ "businessContacts": { "interval": "off" }, "contacts": { "interval": "PT15M" } }""");
        var p = (await hub.Policies.GetAsync(hub.TenantId, "p1"))!;
        Assert.Equal(T0, p.BusinessContacts!.ChangedAt);
        Assert.Equal(T0.AddHours(1), p.Contacts!.ChangedAt);
        Assert.Equal(T0.AddHours(1), p.UpdatedAt);
    }

    [Fact]
    public async Task Additional_groups_must_exist()
    {
        var hub = await TestHub.CreateAsync();
        var policy = PolicyJson.Parse("p1", """{ "businessContacts": { "interval": "off", "additionalGroups": ["ghost"] } }""").Value!;
        var saved = await hub.Policies.SaveAsync(hub.TenantId, policy);
        Assert.Equal(OutcomeKind.Invalid, saved.Kind);
        Assert.Contains("group 'ghost' does not exist", saved.Errors!.Errors["businessContacts.additionalGroups[0]"][0]);
        Assert.Null(await hub.Policies.GetAsync(hub.TenantId, "p1"));
    }

    [Fact]
    public async Task A_policy_in_use_cannot_be_deleted_until_no_target_uses_it()
    {
        var hub = await TestHub.CreateAsync();
        await hub.PolicyAsync("""{ "contacts": { "interval": "off" } }""");
        await hub.PolicyAsync("""{ "contacts": { "interval": "PT1H" } }""", "p2");
        Assert.True((await hub.Targets.SaveAsync(hub.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.com", null, "p1", []))).IsOk);
        var refused = await hub.Policies.DeleteAsync(hub.TenantId, "p1");
        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Contains("'anna'", refused.Message);
        Assert.True((await hub.Targets.SaveAsync(hub.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.com", null, "p2", []))).IsOk);
        Assert.True((await hub.Policies.DeleteAsync(hub.TenantId, "p1")).IsOk);
        Assert.Null(await hub.Policies.GetAsync(hub.TenantId, "p1"));
        Assert.Equal(OutcomeKind.NotFound, (await hub.Policies.DeleteAsync(hub.TenantId, "p1")).Kind);
    }

    [Fact]
    public async Task Another_tenant_does_not_see_the_policy()
    {
        var hub = await TestHub.CreateAsync();
        await hub.PolicyAsync("""{ "contacts": { "interval": "off" } }""");
        Assert.Null(await hub.Policies.GetAsync("someone-else", "p1"));
        Assert.Empty(await hub.Policies.ListAsync("someone-else"));
    }
}
