using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

public class ContactNormaliserTests
{
    private readonly ContactNormaliser _pl = new("PL");

    [Fact]
    public void A_contact_as_typed_becomes_canonical()
    {
        var raw = new Contact
        {
            GivenName = "  Jan ", Surname = "Kowalski\t", CompanyName = "ACME   Sp. z o.o.",
            Emails = ["Jan.Kowalski@ACME.pl", " jan.kowalski@acme.PL", "jan@dom.pl"],
            BusinessPhones = ["22 123 45 67", "+48 22 123-45-67", "0048221234567 wew. 12"],
            MobilePhones = ["601 234 567"],
            Categories = ["Klienci", "klienci ", "VIP"],
            Classification = " Customers / Poland//Warsaw ",
            Notes = "Met at the fair.  \r\nCall in May.\r\n",
            Birthday = "17.05.1980",
            HomeAddress = new PostalAddress(City: " Kraków ", CountryOrRegion: "Polska"),
        };
        var (c, warnings) = _pl.Normalise(raw);
        Assert.Empty(warnings);
        Assert.Equal("Jan", c.GivenName);
        Assert.Equal("ACME Sp. z o.o.", c.CompanyName);
        Assert.Equal(["Jan.Kowalski@acme.pl", "jan@dom.pl"], c.Emails);
        Assert.Equal(["+48221234567", "+48221234567;ext=12"], c.BusinessPhones);
        Assert.Equal(["+48601234567"], c.MobilePhones);
        Assert.Equal(["Klienci", "VIP"], c.Categories);
        Assert.Equal("Customers/Poland/Warsaw", c.Classification);
        Assert.Equal("Met at the fair.\nCall in May.", c.Notes);
        Assert.Equal("1980-05-17", c.Birthday);
        Assert.Equal("Kraków", c.HomeAddress?.City);
    }

    [Fact]
    public void Values_that_cannot_be_made_canonical_are_kept_and_named_in_warnings()
    {
        var raw = FieldMap.Empty.With(ContactFields.Surname, "Nowak")
            .WithList(ContactFields.HomePhones, ["601 234 56", "601 234 567"])
            .WithList(ContactFields.Emails, ["nowak(at)wp.pl"])
            .With(ContactFields.Birthday, "around 1980");
        var r = _pl.Normalise(raw);
        Assert.Equal(["601 234 56", "+48601234567"], r.Item.List(ContactFields.HomePhones));
        Assert.Equal("nowak(at)wp.pl", r.Item[ContactFields.Emails]);
        Assert.Equal("around 1980", r.Item[ContactFields.Birthday]);
        Assert.Equal(3, r.Warnings.Count);
        Assert.Contains(r.Warnings, w => w.StartsWith("homePhones: '601 234 56'", StringComparison.Ordinal) && w.Contains("too short for PL"));
        Assert.Contains(r.Warnings, w => w.StartsWith("emails: 'nowak(at)wp.pl'", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.StartsWith("birthday: 'around 1980'", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalising_is_idempotent_and_leaves_unknown_keys_alone()
    {
        var raw = new Contact
        {
            DisplayName = "Dvořák  Jiří", Emails = ["J@Seznam.CZ"], OtherPhones = ["00420 602 123 456", "bad 12"],
            WebPages = [" https://example.cz ", "https://example.cz"],
        }.ToFieldMap().With("x-hubNote", "  kept  as is ");
        var once = new ContactNormaliser("CZ").Normalise(raw);
        var twice = new ContactNormaliser("CZ").Normalise(once.Item);
        Assert.Equal(once.Item, twice.Item);
        Assert.Equal("  kept  as is ", once.Item["x-hubNote"]);
        Assert.Equal(["https://example.cz"], once.Item.List(ContactFields.WebPages));
        Assert.Equal(["+420602123456", "bad 12"], once.Item.List(ContactFields.OtherPhones));
    }

    [Fact]
    public void The_same_phone_in_two_lists_stays_in_both()
    {
        var raw = new Contact { BusinessPhones = ["601 234 567"], MobilePhones = ["+48601234567"] };
        var (c, _) = _pl.Normalise(raw);
        Assert.Equal(["+48601234567"], c.BusinessPhones);
        Assert.Equal(["+48601234567"], c.MobilePhones);
    }

    [Fact]
    public void Classification_branches_match_by_segment()
    {
        Assert.True(ClassificationPath.IsWithin("Customers/Poland/Warsaw", "customers/poland"));
        Assert.True(ClassificationPath.IsWithin("Customers/Poland", " Customers / Poland "));
        Assert.False(ClassificationPath.IsWithin("Customers/Polandia", "Customers/Poland"));
        Assert.True(ClassificationPath.IsWithin("Anything", ""));
    }
}
