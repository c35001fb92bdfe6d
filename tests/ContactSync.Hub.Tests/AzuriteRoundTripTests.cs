using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Hub.Directory.Csv;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Directory;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Tests.Tenants;

namespace ContactSync.Hub.Tests;

/// <summary>The stores against Azurite (CONTACTSYNC_TEST_STORAGE): real keys, filters, batches and paging. Each test
/// works under a tenant id of its own.</summary>
public class AzuriteRoundTripTests
{
    [Fact]
    public async Task Tenant_keys_policy_and_target_round_trip()
    {
        var hub = await TestHub.AzuriteAsync();
        var key = (await hub.Tenants.SaveAsync(TenantStoreTests.Sample(hub.TenantId))).Value!.ApiKey!;
        Assert.Equal(hub.TenantId, await hub.Tenants.AuthenticateAsync(key));
        Assert.Contains(await hub.Tenants.ListAsync(), t => t.Id == hub.TenantId && t.Graph.SecretReference!.Contains("vault"));

        await hub.GroupAsync("sales");
        var policy = await hub.PolicyAsync("""{ "businessContacts": { "interval": "daily", "timeOfDay": "06:30", "baseType": "ownGroups" }, "contacts": { "interval": "PT10M", "categories": ["VIP"] } }""");
        Assert.Equal(PolicyWriter.Serialize(policy), PolicyWriter.Serialize((await hub.Policies.GetAsync(hub.TenantId, "p1"))!));
        Assert.True((await hub.Targets.SaveAsync(hub.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.pl", null, "p1", ["sales"]))).IsOk);
        Assert.Equal(["anna"], await TargetStore.IdsUsingPolicyAsync(hub.Tables, hub.TenantId, "p1"));
        Assert.Equal(Validation.OutcomeKind.Conflict, (await hub.Policies.DeleteAsync(hub.TenantId, "p1")).Kind);
    }

    [Fact]
    public async Task A_large_import_is_written_in_batches_and_owner_groups_are_found_across_partitions()
    {
        var hub = await TestHub.AzuriteAsync();
        await hub.GroupAsync("all");
        await hub.GroupAsync("few");
        var r = (await hub.Import.ImportAsync(hub.TenantId, "all", BatchedImportTests.People(1250), null, "PL")).Value!;
        Assert.Equal((1250, 0), (r.Imported, r.Errors.Count));
        await hub.Import.ImportAsync(hub.TenantId, "few", Encoding.UTF8.GetBytes("email\nOSOBA007@example.pl\n"), null, "PL");
        var members = (await hub.Groups.MembersAsync(hub.TenantId, "all")).Value!;
        Assert.Equal(1250, members.Count);
        Assert.Equal("+48221000042", members.Single(m => m.Email == "osoba042@example.pl").Contact[ContactFields.BusinessPhones]);
        Assert.Equal(["all", "few"], await hub.Groups.GroupsWithMemberAsync(hub.TenantId, "osoba007@EXAMPLE.pl"));

        var again = (await hub.Import.ImportAsync(hub.TenantId, "all", BatchedImportTests.People(1250), null, "PL")).Value!;
        Assert.Equal(1250, again.Unchanged);
    }

    [Fact]
    public async Task Outlook_files_in_each_encoding_import_the_same_members()
    {
        var hub = await TestHub.AzuriteAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = OutlookCsv.Text(';', OutlookCsv.Sample);
        var files = new[] { OutlookCsv.Bytes(text, Encoding.UTF8, true), OutlookCsv.Bytes(text, Encoding.Unicode, true), OutlookCsv.Bytes(text, Encoding.GetEncoding(1250), false) };
        var results = new List<string>();
        for (var i = 0; i < files.Length; i++)
        {
            await hub.GroupAsync($"g{i}");
            var r = (await hub.Import.ImportAsync(hub.TenantId, $"g{i}", files[i], null, "PL")).Value!;
            Assert.Equal(3, r.Imported);
            var members = (await hub.Groups.MembersAsync(hub.TenantId, $"g{i}")).Value!;
            results.Add(Encoding.UTF8.GetString(ContactCsvExport.ToBytes(members.OrderBy(m => m.Id).Select(m => m.Contact))));
        }
        Assert.Single(results.Distinct());
        Assert.Contains("Łukasz", results[0]);
    }
}
