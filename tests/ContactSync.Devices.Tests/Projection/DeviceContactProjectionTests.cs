using ContactSync.Devices.Api;
using ContactSync.Devices.Projection;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using F = ContactSync.Engine.Items.ContactFields;

namespace ContactSync.Devices.Tests.Projection;

/// <summary>The device projection: limits from the capabilities, phones in the tenant's region, a composed display name
/// for CardDAV, and a merge back that keeps what the device could not hold.</summary>
public class DeviceContactProjectionTests
{
    private static readonly ContactNormaliser Poland = new("PL");

    private static FieldMap Crowded() => FieldMap.Empty
        .With(F.GivenName, "Zofia").With(F.Surname, "Wójcik").With(F.CompanyName, "Contoso")
        .WithList(F.Emails, ["zofia@contoso.example", "z.wojcik@home.example", "zw@old.example"])
        .WithList(F.MobilePhones, ["+48601000001"])
        .WithList(F.BusinessPhones, ["+48221000001", "+48221000002"])
        .WithList(F.HomePhones, ["+48221000011"])
        .With(F.Classification, "Sales/North").With(F.Notes, "Met at the fair");

    [Fact]
    public void Extras_beyond_the_capabilities_are_left_out_with_one_warning_each_mobile_first()
    {
        var device = new DeviceContactProjection(Poland, DeviceLimits.Of(new DeviceCapabilities(MaxEmails: 2, MaxPhones: 2)));
        var (item, warnings) = device.Project(Crowded());
        Assert.Equal(["zofia@contoso.example", "z.wojcik@home.example"], item.List(F.Emails));
        Assert.Equal(["+48601000001"], item.List(F.MobilePhones));
        Assert.Equal(["+48221000001"], item.List(F.BusinessPhones));
        Assert.Empty(item.List(F.HomePhones));
        Assert.Null(item[F.Classification]);
        Assert.Equal("Met at the fair", item[F.Notes]);
        Assert.Null(item[F.DisplayName]);
        Assert.Equal(
        [
            "emails: 3rd address zw@old.example not sent: the device holds at most 2 e-mail addresses",
            "businessPhones: 2nd number +48221000002 not sent: the device holds at most 2 phone numbers",
            "homePhones: 1st number +48221000011 not sent: the device holds at most 2 phone numbers",
        ], warnings);
    }

    [Fact]
    public void Fields_the_device_does_not_list_are_left_out_and_kept_on_the_way_back()
    {
        var device = new DeviceContactProjection(Poland, DeviceLimits.Of(new DeviceCapabilities(Fields: [F.GivenName, F.Surname, F.MobilePhones])));
        var hub = Crowded();
        var (item, warnings) = device.Project(hub);
        Assert.Equal([F.GivenName, F.MobilePhones, F.Surname], item.Values.Keys.ToArray());
        Assert.Contains("notes: 'Met at the fair' not sent: the device has no field for notes", warnings);
        var edited = item.With(F.Surname, "Wójcik-Nowak");
        var merged = device.MergeBack(hub, edited);
        Assert.Equal(hub.With(F.Surname, "Wójcik-Nowak"), merged);
    }

    [Fact]
    public void An_unchanged_echo_merges_back_to_the_hub_item_and_edits_keep_what_was_left_out()
    {
        var device = new DeviceContactProjection(Poland, DeviceLimits.Of(new DeviceCapabilities(MaxEmails: 2, MaxPhones: 2)));
        var hub = Crowded();
        var sent = device.Project(hub).Item;
        Assert.Equal(hub, device.MergeBack(hub, sent));
        // On the phone: a national number typed into the mobile list, the second e-mail deleted.
        var edited = sent.WithList(F.MobilePhones, ["+48601000001", "602 000 002"]).WithList(F.Emails, ["zofia@contoso.example"]);
        var merged = device.MergeBack(hub, edited);
        Assert.Equal(["+48601000001", "+48602000002"], merged.List(F.MobilePhones));
        Assert.Equal(["zofia@contoso.example", "zw@old.example"], merged.List(F.Emails));
        Assert.Equal(["+48221000001", "+48221000002"], merged.List(F.BusinessPhones));
        Assert.Equal(["+48221000011"], merged.List(F.HomePhones));
        Assert.Equal("Sales/North", merged[F.Classification]);
    }

    [Fact]
    public void Phones_are_normalised_with_the_tenants_region()
    {
        var hub = FieldMap.Empty.With(F.GivenName, "Jan").WithList(F.MobilePhones, ["601 234 567"]);
        Assert.Equal(["+48601234567"], new DeviceContactProjection(Poland).Project(hub).Item.List(F.MobilePhones));
        Assert.Equal(["+49601234567"], new DeviceContactProjection(new ContactNormaliser("DE")).Project(hub).Item.List(F.MobilePhones));
    }

    [Theory]
    [InlineData("Zofia", "Wójcik", "Contoso", "zofia@contoso.example", "Zofia Wójcik")]
    [InlineData(null, null, "Contoso", "zofia@contoso.example", "Contoso")]
    [InlineData(null, null, null, "zofia@contoso.example", "zofia@contoso.example")]
    public void CardDav_gets_a_display_name_composed_when_the_hub_has_none_and_the_hub_keeps_none(
        string? given, string? surname, string? company, string email, string expected)
    {
        var cardDav = new DeviceContactProjection(Poland, DeviceLimits.CardDav);
        var hub = FieldMap.Empty.With(F.GivenName, given).With(F.Surname, surname).With(F.CompanyName, company).WithList(F.Emails, [email]);
        var sent = cardDav.Project(hub).Item;
        Assert.Equal(expected, sent[F.DisplayName]);
        Assert.Equal(hub, cardDav.MergeBack(hub, sent));
        Assert.Equal("Zosia", cardDav.MergeBack(hub, sent.With(F.DisplayName, "Zosia"))[F.DisplayName]);
        Assert.Equal("Kasia Nowak", cardDav.Project(hub.With(F.DisplayName, "Kasia Nowak")).Item[F.DisplayName]);
    }
}
