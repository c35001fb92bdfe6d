using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Support;

namespace ContactSync.Hub.Tests.HubItems;

public class BusinessContactsSourceTests
{
    private static async Task<(TestHub Hub, Target Target)> SetUpAsync()
    {
        var hub = await TestHub.CreateAsync();
        foreach (var g in new[] { "sales", "board", "partners" }) await hub.GroupAsync(g);
        async Task Import(string group, string csv) =>
            Assert.Empty((await hub.Import.ImportAsync(hub.TenantId, group, Encoding.UTF8.GetBytes("displayName,email,phone\n" + csv), null, "PL")).Value!.Errors);
        await Import("sales", "Anna Nowak,anna@contoso.pl,601 234 567\nJan Kowalski,jan@contoso.pl,\n");
        await Import("board", "Anna Nowak,ANNA@contoso.pl,601 234 567\nEwa Wójcik,ewa@contoso.pl,\n");
        await Import("partners", "Jiří Dvořák,jiri@partner.cz,+420 601 123 456\n");
        await hub.PolicyAsync("""{ "businessContacts": { "interval": "off" } }""");
        var target = (await hub.Targets.SaveAsync(hub.TenantId, new Target("jan", TargetKind.Mailbox, "jan@contoso.pl", null, "p1", []))).Value!;
        return (hub, target);
    }

    private static BusinessContactsSource Source(TestHub hub, Target target, BaseType type, params string[] additional) =>
        new(hub.Scope, hub.TenantId, target, new BusinessContactsSection(Hub.Scheduling.Interval.Off, null, type, additional, null));

    private static async Task<IReadOnlyList<string>> EmailsAsync(IItemStore source)
    {
        var listing = await source.ListChangesAsync(null);
        Assert.True(listing.IsFullListing);
        var items = await source.GetManyAsync([.. listing.Changed.Select(v => v.Id)]);
        Assert.All(items, i => Assert.Equal(listing.Changed.Single(v => v.Id == i.Id).Version, i.Version));
        return [.. items.Select(i => i.Item["emails"]!.ToLowerInvariant()).Order()];
    }

    [Fact]
    public async Task Each_base_type_with_additional_groups_lists_each_member_once()
    {
        var (hub, target) = await SetUpAsync();
        Assert.Empty(await EmailsAsync(Source(hub, target, BaseType.None)));
        Assert.Equal(["jiri@partner.cz"], await EmailsAsync(Source(hub, target, BaseType.None, "partners")));
        Assert.Equal(["anna@contoso.pl", "jan@contoso.pl"], await EmailsAsync(Source(hub, target, BaseType.OwnGroups)));
        Assert.Equal(["anna@contoso.pl", "jan@contoso.pl", "jiri@partner.cz"], await EmailsAsync(Source(hub, target, BaseType.OwnGroups, "partners")));
        Assert.Equal(["anna@contoso.pl", "ewa@contoso.pl", "jan@contoso.pl", "jiri@partner.cz"], await EmailsAsync(Source(hub, target, BaseType.AllGroups)));
    }

    [Fact]
    public async Task Versions_follow_content_a_token_still_gets_a_full_listing_and_writes_are_refused()
    {
        var (hub, target) = await SetUpAsync();
        var source = Source(hub, target, BaseType.OwnGroups);
        var first = await source.ListChangesAsync(null);
        var again = await source.ListChangesAsync(first.NextToken);
        Assert.True(again.IsFullListing);
        Assert.Equal(first.Changed.OrderBy(v => v.Id), again.Changed.OrderBy(v => v.Id));

        await hub.Import.ImportAsync(hub.TenantId, "sales", Encoding.UTF8.GetBytes("displayName,email,phone\nAnna Nowak-Kowalska,anna@contoso.pl,601 234 567\n"), null, "PL");
        var changed = await Source(hub, target, BaseType.OwnGroups).ListChangesAsync(first.NextToken);
        Assert.Single(changed.Changed.Except(first.Changed));

        Assert.True(source.IsReadOnly);
        var results = await source.WriteAsync([new CreateOp(FieldMap.Empty.With("displayName", "X"), "m"), new DeleteOp(first.Changed[0].Id, first.Changed[0].Version)]);
        Assert.All(results, r => Assert.IsType<ReadOnlyStoreException>(r.Error));
        Assert.Empty(await source.FindByMarkersAsync(["m"]));
    }
}
