using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

public class ContactMatchKeysTests
{
    [Fact]
    public void Emails_first_then_phone_with_name()
    {
        var c = new Contact
        {
            GivenName = "Łukasz", Surname = "Wróbel", Emails = ["Lukasz.Wrobel@Firma.pl", "lw@dom.pl"],
            BusinessPhones = ["+48221234567;ext=12"], MobilePhones = ["+48601234567"], OtherPhones = ["not a number"],
        }.ToFieldMap();
        Assert.Equal(
        [
            "email:lukasz.wrobel@firma.pl", "email:lw@dom.pl",
            "phone+name:+48221234567|lukasz wrobel", "phone+name:+48601234567|lukasz wrobel",
        ], ContactMatchKeys.Of(c));
    }

    [Fact]
    public void The_same_person_typed_differently_on_each_side_shares_a_key()
    {
        var normaliser = new ContactNormaliser("PL");
        var hub = normaliser.Normalise(new Contact { GivenName = "Łukasz", Surname = "Wróbel", MobilePhones = ["601 234 567"] }).Contact;
        var phone = normaliser.Normalise(new Contact { DisplayName = "WRÓBEL, Łukasz", MobilePhones = ["+48 601-234-567"] }).Contact;
        Assert.Equal(ContactMatchKeys.Of(hub.ToFieldMap()), ContactMatchKeys.Of(phone.ToFieldMap()));
        Assert.Same(ContactMatchKeys.Function, ContactMatchKeys.Function);
        Assert.Equal(ContactMatchKeys.Of(hub.ToFieldMap()), ContactMatchKeys.Function(hub.ToFieldMap()));
    }

    [Fact]
    public void A_display_name_that_differs_gives_a_second_name_key()
    {
        var c = new Contact { GivenName = "Jan", Surname = "Kowalski", DisplayName = "Dr. Jan Kowalski", MobilePhones = ["+48601234567"] };
        Assert.Equal(["phone+name:+48601234567|jan kowalski", "phone+name:+48601234567|dr jan kowalski"],
            ContactMatchKeys.Of(c.ToFieldMap()));
        Assert.Equal("dvorak jiri", ContactMatchKeys.NameKey(" Dvořák,  Jiří "));
    }

    [Fact]
    public void A_phone_without_a_name_gives_no_key_and_duplicates_are_dropped()
    {
        Assert.Empty(ContactMatchKeys.Of(new Contact { MobilePhones = ["+48601234567"] }.ToFieldMap()));
        var twice = new Contact { Surname = "Nowak", BusinessPhones = ["+48601234567"], MobilePhones = ["+48601234567"] };
        Assert.Equal(["phone+name:+48601234567|nowak"], ContactMatchKeys.Of(twice.ToFieldMap()));
    }
}
