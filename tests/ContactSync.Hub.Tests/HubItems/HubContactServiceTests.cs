using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Tenants;
using ContactSync.Hub.Tests.SyncState;
using ContactSync.Hub.Tests.Tenants;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Hub.Tests.HubItems;

public class HubContactServiceTests
{
    private static async Task<(HubContactService Service, ITableStore Tables, string Tenant)> SetUpAsync(bool azurite = false)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        Assert.True((await new TenantStore(tables).SaveAsync(TenantStoreTests.Sample(tenant))).IsOk);
        return (new HubContactService(tables, new TenantStore(tables)), tables, tenant);
    }

    private static FieldMap Raw(string name, string phone, params string[] tags) => FieldMap.Empty
        .With("displayName", name).WithList("emails", [$" {name.Split(' ')[0].ToLowerInvariant()}@CONTOSO.PL "])
        .WithList("businessPhones", [phone, "22 100 00 01", "22 100 00 02"]).WithList("categories", ["VIP"])
        .WithList("syncTags", tags).With("notes", "Poznaliśmy się na targach.\nDzwonić rano.");

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Put_makes_the_contact_canonical_with_the_tenants_region_and_the_feed_sees_it(bool azurite)
    {
        var (service, tables, tenant) = await SetUpAsync(azurite);
        var token = (await new TableHubContactStore(tables, tenant).ListChangesAsync(null)).NextToken;
        var saved = await service.PutAsync(tenant, "anna", Raw("Anna Nowak", "601-234-567", "anna-mbx"));
        Assert.True(saved.IsOk, saved.ToString());
        Assert.True(saved.Value!.Created);
        var got = (await service.GetAsync(tenant, "anna"))!;
        Assert.Equal("anna@contoso.pl", got.Contact["emails"]);
        Assert.Equal(["+48601234567", "+48221000001", "+48221000002"], got.Contact.List("businessPhones"));
        Assert.Equal(["anna-mbx"], got.SyncTags);
        Assert.Equal(saved.Value.Contact.Version, got.Version);

        var again = await service.PutAsync(tenant, "anna", Raw("Anna Nowak", "+48 601 234 567", "anna-mbx", "jan-mbx"), got.Version);
        Assert.False(again.Value!.Created);
        var delta = await new TableHubContactStore(tables, tenant).ListChangesAsync(token);
        Assert.Equal([("anna", again.Value.Contact.Version)], delta.Changed.Select(v => (v.Id, v.Version)));
        Assert.Equal(OutcomeKind.Stale, (await service.PutAsync(tenant, "anna", Raw("Anna", "1"), got.Version)).Kind);
    }

    public static TheoryData<bool, string> MalformedIfMatch => new()
    {
        { false, "abc" }, { true, "abc" }, { true, "W/abc" }, { true, "\"has space\"" }, { true, "\"a\", \"b\"" },
        { true, "\"unterminated" }, { true, "W/\"a\"b\"" },
    };

    // The API refuses these with 412 before calling the service; the service itself answers a mismatch, never a throw.
    [Theory, MemberData(nameof(MalformedIfMatch))]
    public async Task An_if_match_that_is_no_entity_tag_is_a_version_mismatch_and_nothing_is_written(bool azurite, string ifMatch)
    {
        var (service, tables, tenant) = await SetUpAsync(azurite);
        var saved = (await service.PutAsync(tenant, "anna", Raw("Anna Nowak", "601 234 567"))).Value!.Contact;

        Assert.Equal(OutcomeKind.Stale, (await service.PutAsync(tenant, "anna", Raw("Anna K", "601 234 567"), ifMatch)).Kind);
        Assert.Equal(OutcomeKind.Stale, (await service.DeleteAsync(tenant, "anna", ifMatch)).Kind);
        Assert.Equal(OutcomeKind.Stale, (await service.PutAsync(tenant, "jan", Raw("Jan K", "601 234 567"), ifMatch)).Kind);
        Assert.Equal(saved.Version, (await service.GetAsync(tenant, "anna"))?.Version);
        Assert.Null(await service.GetAsync(tenant, "jan"));
    }

    [Fact]
    public async Task Bad_input_is_refused_per_field_and_nothing_is_written()
    {
        var (service, tables, tenant) = await SetUpAsync();
        var bad = await service.PutAsync(tenant, "jan", FieldMap.Empty.With("displayName", "Jan").WithList("emails", ["jan(at)contoso"])
            .WithList("syncTags", ["ok", "no spaces"]).With("shoeSize", "44"));
        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.True(bad.Errors!.Has("shoeSize"));
        Assert.Equal(OutcomeKind.Invalid, (await service.PutAsync(tenant, "bad id!", Raw("Jan K", "1"))).Kind);
        var invalid = await service.PutAsync(tenant, "jan", FieldMap.Empty.WithList("emails", ["jan(at)contoso"]).WithList("syncTags", ["no spaces"]));
        Assert.True(invalid.Errors!.Has("emails[0]") && invalid.Errors.Has("syncTags[0]"), invalid.ToString());
        Assert.Equal(OutcomeKind.Invalid, (await service.PutAsync(tenant, "empty", FieldMap.Empty.With("notes", "only notes"))).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await service.PutAsync("no-such-tenant", "jan", Raw("Jan K", "1"))).Kind);
        Assert.Empty(await service.ListAsync(tenant));
        Assert.Null(await tables.GetAsync(HubTables.HubContacts, tenant, "~changes"));
    }

    [Fact]
    public async Task List_filters_by_tag_and_category_export_keeps_everything_and_delete_leaves_a_tombstone()
    {
        var (service, tables, tenant) = await SetUpAsync();
        await service.PutAsync(tenant, "anna", Raw("Anna Nowak", "601 234 567", "mbx-1"));
        await service.PutAsync(tenant, "jan", Raw("Jan Kowalski", "602 000 000", "mbx-2").WithList("categories", ["Partner"]));
        await service.PutAsync(tenant, "ewa", Raw("Ewa Wójcik", "603 000 000"));
        Assert.Equal(["anna"], (await service.ListAsync(tenant, tag: "mbx-1")).Select(c => c.Id));
        Assert.Equal(["anna", "ewa"], (await service.ListAsync(tenant, category: "vip")).Select(c => c.Id));
        Assert.Empty(await service.ListAsync(tenant, tag: "mbx-2", category: "VIP"));

        var csv = Encoding.UTF8.GetString(await service.ExportCsvAsync(tenant));
        Assert.StartsWith("\uFEFF", csv);
        Assert.Contains("+48221000002", csv); // the third business phone Exchange would drop
        Assert.Contains("Ewa Wójcik", csv);

        var token = (await new TableHubContactStore(tables, tenant).ListChangesAsync(null)).NextToken;
        Assert.Equal(OutcomeKind.Stale, (await service.DeleteAsync(tenant, "jan", "W/\"stale\"")).Kind);
        Assert.True((await service.DeleteAsync(tenant, "jan")).IsOk);
        Assert.Equal(OutcomeKind.NotFound, (await service.DeleteAsync(tenant, "jan")).Kind);
        var delta = await new TableHubContactStore(tables, tenant).ListChangesAsync(token);
        Assert.Equal(["jan"], delta.Deleted);
        Assert.Equal(["anna", "ewa"], (await service.ListAsync(tenant)).Select(c => c.Id));
    }
}
