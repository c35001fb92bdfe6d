using System.Text.Json.Nodes;
using ContactSync.Engine.Items;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;

namespace ContactSync.Handler.Tests.EndToEnd;

/// <summary>Business contacts (M7): group members exported one way, per base type plus additional groups; only managed
/// copies are touched.</summary>
public sealed class BusinessContactsTests(SyncHostFixture f) : IClassFixture<SyncHostFixture>
{
    private static Policy Business(string id, BaseType baseType, params string[] additional) =>
        new(id, new BusinessContactsSection(Interval.Off, null, baseType, additional, null), null);

    private static Member Person(string given, string surname, string email, string? phone = null)
    {
        var raw = SyncHostFixture.Contact(("givenName", given), ("surname", surname), ("emails", email));
        if (phone is not null) raw = raw.With(ContactFields.MobilePhones, phone);
        return MemberContact.Prepare(raw, "PL").Member!;
    }

    private async Task GroupAsync(string tenantId, string groupId, params Member[] members)
    {
        Assert.True((await f.Groups.SaveAsync(tenantId, new Group(groupId, groupId, GroupSource.Manual))).IsOk);
        Assert.True((await f.Groups.WriteMembersAsync(tenantId, groupId, members, replaceAll: true)).IsOk);
    }

    private static SortedSet<string> Surnames(IEnumerable<JsonObject> contacts) =>
        new(contacts.Select(c => c["surname"]?.GetValue<string>() ?? ""), StringComparer.Ordinal);

    [Fact]
    public async Task Each_base_type_plus_additional_groups_gives_its_members_and_the_users_own_contact_survives()
    {
        var t = await f.TenantAsync();
        await GroupAsync(t, "sales", Person("Łukasz", "Wróbel", "lw@firma.example", "601-234-567"), Person("Ola", "Nowak", "own@firma.example"));
        await GroupAsync(t, "prague", Person("Jiří", "Dvořák", "jd@firma.example", "+420 601 234 567"));
        await GroupAsync(t, "vilnius", Person("Rūta", "Kazlauskienė", "rk@firma.example"));
        await f.PolicyAsync(t, Business("all", BaseType.AllGroups));
        await f.PolicyAsync(t, Business("own", BaseType.OwnGroups, "vilnius"));
        await f.PolicyAsync(t, Business("none", BaseType.None, "prague"));
        var all = await f.MailboxTargetAsync(t, "all", "all");
        var own = await f.MailboxTargetAsync(t, "own", "own", "prague");
        var none = await f.MailboxTargetAsync(t, "none", "none");
        // "own": its own groups are its groupIds (prague; no group lists its e-mail) plus the additional vilnius.
        f.Sandbox.OutlookCreate(all, new JsonObject { ["givenName"] = "My", ["surname"] = "Dentist" });

        foreach (var target in new[] { "all", "own", "none" }) await f.SyncAsync(t, target, PolicySections.BusinessContacts);

        Assert.Equal(["Dentist", "Dvořák", "Kazlauskienė", "Nowak", "Wróbel"], Surnames(f.Sandbox.Contacts(all)));
        Assert.Equal(["Dvořák", "Kazlauskienė"], Surnames(f.Sandbox.Contacts(own)));
        Assert.Equal(["Dvořák"], Surnames(f.Sandbox.Contacts(none)));
        var wrobel = f.Sandbox.Contacts(all).Single(c => c["surname"]!.GetValue<string>() == "Wróbel");
        Assert.Equal("+48601234567", wrobel["mobilePhone"]!.GetValue<string>());

        // A member leaves sales: the copy goes, the user's own contact stays.
        await GroupAsync(t, "sales", Person("Ola", "Nowak", "own@firma.example"));
        await f.SyncAsync(t, "all", PolicySections.BusinessContacts);
        Assert.Equal(["Dentist", "Dvořák", "Kazlauskienė", "Nowak"], Surnames(f.Sandbox.Contacts(all)));
    }
}
