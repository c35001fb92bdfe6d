using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Projection;
using ContactSync.Engine.Tests.Items;

namespace ContactSync.Engine.Tests.Projection;

public class ExchangeContactProjectionTests
{
    private static readonly ExchangeContactProjection Exchange = ExchangeContactProjection.Instance;

    private static FieldMap Crowded() => (ItemRoundTripTests.FullContact() with
    {
        Emails = ["a@x.example", "b@x.example", "c@x.example", "x@y.z"],
        BusinessPhones = ["+48221000001", "+48221000002", "+48221000003"],
        HomePhones = ["+48221000011", "+48221000012", "+48221000013"],
        MobilePhones = ["+48601000001", "+48601000002"],
        WebPages = ["https://one.example", "https://two.example"],
    }).ToFieldMap();

    [Fact]
    public void Projection_keeps_what_exchange_holds_and_warns_once_per_value_left_out()
    {
        var hub = Crowded();
        var (item, warnings) = Exchange.Project(hub);
        Assert.Equal(["a@x.example", "b@x.example", "c@x.example"], item.List(ContactFields.Emails));
        Assert.Equal(["+48221000001", "+48221000002"], item.List(ContactFields.BusinessPhones));
        Assert.Equal(["+48221000011", "+48221000012"], item.List(ContactFields.HomePhones));
        Assert.Equal(["+48601000001"], item.List(ContactFields.MobilePhones));
        Assert.Equal(["https://one.example"], item.List(ContactFields.WebPages));
        Assert.Null(item[ContactFields.Notes]);
        Assert.Null(item[ContactFields.OtherPhones]);
        Assert.Null(item[ContactFields.Classification]);
        foreach (var kept in ContactFields.Names.Concat(ContactFields.AddressFields).Append(ContactFields.Birthday).Append(ContactFields.Categories))
            Assert.Equal(hub[kept], item[kept]);
        Assert.Equal(
        [
            "businessPhones: 3rd number +48221000003 not sent: Exchange holds at most 2",
            "emails: 4th address x@y.z not sent: Exchange holds at most 3",
            "homePhones: 3rd number +48221000013 not sent: Exchange holds at most 2",
            "mobilePhones: 2nd number +48601000002 not sent: Exchange holds at most 1",
            "notes: 'Line one Line two' not sent: Exchange contacts get no notes",
            "otherPhones: +48601234567 not sent: Exchange has no field for otherPhones",
            "webPages: 2nd page https://two.example not sent: Exchange holds at most 1",
        ], warnings);
    }

    [Fact]
    public void A_contact_within_the_limits_is_sent_whole_without_warnings()
    {
        var hub = new Contact { GivenName = "Jan", Emails = ["a@x.example"], MobilePhones = ["+48601000001"] }.ToFieldMap();
        var (item, warnings) = Exchange.Project(hub);
        Assert.Equal(hub, item);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Fields_exchange_has_no_property_for_are_left_out_with_a_warning_and_kept_on_merge()
    {
        var hub = FieldMap.Empty.With(ContactFields.Surname, "Nowak").With("assistantName", "Ewa");
        var (item, warnings) = Exchange.Project(hub);
        Assert.Null(item["assistantName"]);
        Assert.Equal(["assistantName: 'Ewa' not sent: Exchange has no field for assistantName"], warnings);
        Assert.Equal(hub, Exchange.MergeBack(hub, item));
    }

    [Fact]
    public void An_unchanged_echo_merges_back_to_exactly_the_hub_item()
    {
        var hub = Crowded();
        var merged = Exchange.MergeBack(hub, Exchange.Project(hub).Item);
        Assert.Equal(hub, merged);
        Assert.Equal(hub.ContentHash(), merged.ContentHash());
    }

    [Fact]
    public void Remote_edits_of_held_values_are_taken_and_overflow_is_kept()
    {
        var hub = Crowded();
        var remote = Exchange.Project(hub).Item
            .With(ContactFields.JobTitle, "Dyrektorka")
            .With(ContactFields.Department, null)
            .WithList(ContactFields.BusinessPhones, ["+48221000001", "+48221999999"])
            .WithList(ContactFields.MobilePhones, ["+48601999999"])
            .With(ContactFields.Notes, "typed in Outlook");
        var merged = Exchange.MergeBack(hub, remote);
        Assert.Equal("Dyrektorka", merged[ContactFields.JobTitle]);
        Assert.Null(merged[ContactFields.Department]);
        Assert.Equal(["+48221000001", "+48221999999", "+48221000003"], merged.List(ContactFields.BusinessPhones));
        Assert.Equal(["+48601999999", "+48601000002"], merged.List(ContactFields.MobilePhones));
        Assert.Equal(hub[ContactFields.Notes], merged[ContactFields.Notes]);
        Assert.Equal(hub[ContactFields.OtherPhones], merged[ContactFields.OtherPhones]);
        Assert.Equal(hub[ContactFields.Classification], merged[ContactFields.Classification]);
    }

    [Fact]
    public void Removing_one_of_the_first_three_emails_drops_it_and_keeps_the_overflow()
    {
        var hub = Crowded();
        var remote = Exchange.Project(hub).Item.WithList(ContactFields.Emails, ["a@x.example", "C@X.example"]);
        var merged = Exchange.MergeBack(hub, remote);
        Assert.Equal(["a@x.example", "C@X.example", "x@y.z"], merged.List(ContactFields.Emails));
        // Next time the overflow address fits, so it is sent and nothing is warned about.
        var next = Exchange.Project(merged);
        Assert.Equal(merged.List(ContactFields.Emails), next.Item.List(ContactFields.Emails));
        Assert.DoesNotContain(next.Warnings, w => w.StartsWith("emails", StringComparison.Ordinal));
    }

    [Fact]
    public void A_remote_that_takes_an_overflow_value_into_its_slots_does_not_duplicate_it()
    {
        var hub = Crowded();
        var remote = Exchange.Project(hub).Item.WithList(ContactFields.Emails, ["a@x.example", "b@x.example", "X@Y.Z"]);
        Assert.Equal(["a@x.example", "b@x.example", "X@Y.Z"], Exchange.MergeBack(hub, remote).List(ContactFields.Emails));
    }

    [Fact]
    public void With_the_tenant_region_a_number_typed_in_outlook_reaches_the_hub_in_e164()
    {
        var exchange = new ExchangeContactProjection(new ContactNormaliser("PL"));
        // Without an address country (this one's is Lithuania), national numbers are read with the tenant's region.
        var hub = Crowded().With(ContactFields.AddressPart(ContactFields.BusinessAddress, AddressParts.CountryOrRegion), null);
        var remote = exchange.Project(hub).Item
            .WithList(ContactFields.MobilePhones, ["601 999 999"])
            .WithList(ContactFields.Emails, ["a@X.EXAMPLE", "b@x.example", " c@x.example "]);
        var merged = exchange.MergeBack(hub, remote);
        Assert.Equal(["+48601999999", "+48601000002"], merged.List(ContactFields.MobilePhones));
        Assert.Equal(["a@x.example", "b@x.example", "c@x.example", "x@y.z"], merged.List(ContactFields.Emails));
        // An unchanged echo still merges back to the hub item exactly.
        Assert.Equal(hub, exchange.MergeBack(hub, exchange.Project(hub).Item));
    }

    [Fact]
    public void With_the_tenant_region_values_still_not_canonical_are_warned_about_when_projected()
    {
        var exchange = new ExchangeContactProjection(new ContactNormaliser("PL"));
        var hub = FieldMap.Empty.With(ContactFields.Surname, "Nowak").WithList(ContactFields.BusinessPhones, ["22 123 45 67", "12 34"]);
        var (item, warnings) = exchange.Project(hub);
        Assert.Equal(["+48221234567", "12 34"], item.List(ContactFields.BusinessPhones));
        Assert.Equal(["businessPhones: '12 34' kept as typed, not made canonical: too short for PL (+48): 4 digits, expected 9"], warnings);
    }
}
