using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

/// <summary>National numbers are read with the contact's address country when it is a known region, else the tenant's.</summary>
public class PhoneRegionTests
{
    // tenant region, business address country, as typed, canonical
    public static TheoryData<string, string, string, string> ByBusinessCountry => new()
    {
        { "PL", "Germany", "030 1234567", "+49301234567" },
        { "PL", "Deutschland", "030 1234567", "+49301234567" },
        { "PL", "Niemcy", "030 1234567", "+49301234567" },
        { "PL", "Německo", "030 1234567", "+49301234567" },
        { "PL", "Vokietija", "030 1234567", "+49301234567" },
        { "PL", "DE", "030 1234567", "+49301234567" },
        { "PL", "deu", "030 1234567", "+49301234567" },
        { "PL", "  NIEMCY ", "0171/1234567", "+491711234567" },
        { "DE", "Polska", "22 123 45 67", "+48221234567" },
        { "DE", "Poland", "601 234 567", "+48601234567" },
        { "PL", "Česká republika", "602 123 456", "+420602123456" },
        { "PL", "Ceska republika", "602 123 456", "+420602123456" },
        { "PL", "Czechy", "602 123 456", "+420602123456" },
        { "CZ", "Lietuva", "8 612 34567", "+37061234567" },
        { "CZ", "Litwa", "8 612 34567", "+37061234567" },
        { "PL", "Österreich", "01 5123456", "+4315123456" },
        { "PL", "Wielka Brytania", "020 7946 0958", "+442079460958" },
        { "PL", "U.S.A.", "(212) 555-0123", "+12125550123" },
        { "PL", "The Netherlands", "020 123 4567", "+31201234567" },
        { "PL", "Włochy", "06 1234 5678", "+390612345678" },
        { "PL", "Węgry", "06 1 234 5678", "+3612345678" },
        // Not a region of the numbering table, or not a country at all: the tenant's region.
        { "PL", "Croatia", "601 234 567", "+48601234567" },
        { "PL", "Atlantis", "601 234 567", "+48601234567" },
        { "PL", "", "601 234 567", "+48601234567" },
        // Numbers with a country code keep it, whatever the address says.
        { "PL", "Germany", "+48 601 234 567", "+48601234567" },
        { "PL", "Germany", "0048 601 234 567", "+48601234567" },
    };

    [Theory, MemberData(nameof(ByBusinessCountry))]
    public void Business_phones_are_read_with_the_business_address_country(
        string tenant, string country, string typed, string expected)
    {
        var raw = new Contact
        {
            Surname = "Schmidt", BusinessPhones = [typed], MobilePhones = [typed],
            BusinessAddress = new PostalAddress(City: "Somewhere", CountryOrRegion: country),
        };
        var (c, warnings) = new ContactNormaliser(tenant).Normalise(raw);
        Assert.Empty(warnings);
        Assert.Equal([expected], c.BusinessPhones);
        Assert.Equal([expected], c.MobilePhones);
    }

    [Fact]
    public void Home_phones_follow_the_home_address_and_the_rest_the_business_address()
    {
        var raw = new Contact
        {
            BusinessPhones = ["030 1234567"], HomePhones = ["22 123 45 67"], MobilePhones = ["0171 1234567"],
            OtherPhones = ["030 7654321"],
            BusinessAddress = new PostalAddress(City: "Berlin", CountryOrRegion: "Niemcy"),
            HomeAddress = new PostalAddress(City: "Słubice", CountryOrRegion: "Polska"),
        };
        var (c, warnings) = new ContactNormaliser("PL").Normalise(raw);
        Assert.Empty(warnings);
        Assert.Equal(["+49301234567"], c.BusinessPhones);
        Assert.Equal(["+48221234567"], c.HomePhones);
        Assert.Equal(["+491711234567"], c.MobilePhones);
        Assert.Equal(["+49307654321"], c.OtherPhones);
    }

    [Fact]
    public void Without_its_own_address_a_list_uses_another_address_country()
    {
        var raw = new Contact
        {
            BusinessPhones = ["030 1234567"], HomePhones = ["030 7654321"],
            OtherAddress = new PostalAddress(CountryOrRegion: "Deutschland"),
        };
        var (c, _) = new ContactNormaliser("PL").Normalise(raw);
        Assert.Equal(["+49301234567"], c.BusinessPhones);
        Assert.Equal(["+49307654321"], c.HomePhones);
    }

    [Fact]
    public void A_number_too_short_for_the_address_country_is_kept_and_the_warning_names_that_country()
    {
        var raw = FieldMap.Empty.With(ContactFields.BusinessPhones, "030 12")
            .With(ContactFields.AddressPart(ContactFields.BusinessAddress, AddressParts.CountryOrRegion), "Germany");
        var r = new ContactNormaliser("PL").Normalise(raw);
        Assert.Equal("030 12", r.Item[ContactFields.BusinessPhones]);
        Assert.Contains(r.Warnings, w => w.Contains("too short for DE", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalising_with_an_address_country_is_idempotent()
    {
        var raw = new Contact
        {
            BusinessPhones = ["030 1234567", "(+48) 22 123 45 67"], HomePhones = ["01 5123456"],
            BusinessAddress = new PostalAddress(CountryOrRegion: "Deutschland"),
            HomeAddress = new PostalAddress(CountryOrRegion: "Rakousko"),
        }.ToFieldMap();
        var once = new ContactNormaliser("CZ").Normalise(raw);
        var twice = new ContactNormaliser("CZ").Normalise(once.Item);
        Assert.Equal(once.Item, twice.Item);
        Assert.Equal(["+49301234567", "+48221234567"], once.Item.List(ContactFields.BusinessPhones));
        Assert.Equal(["+4315123456"], once.Item.List(ContactFields.HomePhones));
    }

    [Fact]
    public void Every_table_region_is_known_by_its_code_and_a_name()
    {
        foreach (var region in CallingCodes.Regions)
            Assert.Equal(region, CountryRegions.Of(region.ToLowerInvariant()));
        Assert.Equal("GB", CountryRegions.Of("Vereinigtes Königreich"));
        Assert.Equal("CH", CountryRegions.Of("Šveicarija"));
        Assert.Equal("UA", CountryRegions.Of("Україна"));
        Assert.Null(CountryRegions.Of("Hrvatska"));
        Assert.Null(CountryRegions.Of(null));
    }
}
