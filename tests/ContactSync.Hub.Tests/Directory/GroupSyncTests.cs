using ContactSync.Engine.Items;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Directory;

public class GroupSyncTests
{
    private const string EntraId = "6f1c2d3e-1111-4222-8333-944455566677";

    /// <summary>An Entra directory with groups by object id; an unknown id is Graph's 404, not an empty group.</summary>
    private sealed class FakeDirectory : IDirectorySource
    {
        public Dictionary<string, List<FieldMap>> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Task<IReadOnlyList<FieldMap>> GroupMembersAsync(string entraGroupId, CancellationToken ct = default) =>
            Groups.TryGetValue(entraGroupId, out var members)
                ? Task.FromResult<IReadOnlyList<FieldMap>>([.. members])
                : throw new InvalidOperationException($"Graph 404: group {entraGroupId} not found");
    }

    private static FieldMap User(string given, string surname, string? mail, string? phone = null) =>
        FieldMap.From([new(ContactFields.GivenName, given), new(ContactFields.Surname, surname), new(ContactFields.DisplayName, $"{given} {surname}")])
            .WithList(ContactFields.Emails, mail is null ? [] : [mail]).With(ContactFields.BusinessPhones, phone);

    [Fact]
    public async Task The_group_becomes_exactly_the_entra_groups_members()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("staff", GroupSource.Entra, EntraId);
        var directory = new FakeDirectory();
        directory.Groups[EntraId] = [User("Anna", "Nowak", "anna@contoso.pl", "22 123 45 67"), User("Piotr", "Zieliński", "piotr@contoso.pl"), User("", "", null)];
        var sync = new GroupSync(hub.Groups, directory);

        var first = await sync.SyncAsync(hub.TenantId, "staff", "PL");
        Assert.True(first.IsOk, first.ToString());
        Assert.Equal(2, first.Value!.Written.Imported.Count);
        Assert.Single(first.Value.Skipped);
        var anna = (await hub.Groups.MembersAsync(hub.TenantId, "staff")).Value!.Single(m => m.Email == "anna@contoso.pl");
        Assert.Equal("+48221234567", anna.Contact[ContactFields.BusinessPhones]);

        directory.Groups[EntraId] = [User("Anna", "Nowak-Kowalska", "anna@contoso.pl"), User("Ewa", "Wójcik", "ewa@contoso.pl")];
        var second = (await sync.SyncAsync(hub.TenantId, "staff", "PL")).Value!;
        Assert.Equal((1, 1, 1), (second.Written.Imported.Count, second.Written.Updated.Count, second.Written.Removed.Count));
        var emails = (await hub.Groups.MembersAsync(hub.TenantId, "staff")).Value!.Select(m => m.Email).Order();
        Assert.Equal(["anna@contoso.pl", "ewa@contoso.pl"], emails);
    }

    [Fact]
    public async Task Only_entra_groups_sync_from_entra()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("csv");
        var sync = new GroupSync(hub.Groups, new FakeDirectory());
        Assert.Equal(OutcomeKind.Conflict, (await sync.SyncAsync(hub.TenantId, "csv", "PL")).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await sync.SyncAsync(hub.TenantId, "none", "PL")).Kind);
    }

    [Fact]
    public async Task An_entra_group_needs_its_object_id()
    {
        var hub = await TestHub.CreateAsync();
        var saved = await hub.Groups.SaveAsync(hub.TenantId, new Group("g", "G", GroupSource.Entra));
        Assert.Contains("entraGroupId", saved.Errors!.Errors.Keys);
        var csv = await hub.Groups.SaveAsync(hub.TenantId, new Group("g", "G", GroupSource.Csv, EntraId));
        Assert.Contains("entraGroupId", csv.Errors!.Errors.Keys);
        Assert.Empty(await hub.Groups.ListAsync(hub.TenantId));
    }
}
