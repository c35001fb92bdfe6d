using System.Text;
using ContactSync.Devices.VCard;
using ContactSync.Engine.Items;

namespace ContactSync.Devices.Tests.VCard;

public sealed class VCardMapperTests
{
    public static FieldMap Full() => new Contact
    {
        GivenName = "Zoë", MiddleName = "Maria", Surname = "Łukasiewicz-Dvořák", DisplayName = "Zoë Łukasiewicz-Dvořák",
        Nickname = "Zo", CompanyName = "Żabka; S.A.", Department = "Sprzedaż, Północ", JobTitle = "Kierownik",
        Emails = ["zoe@example.pl", "z@x.pl"], BusinessPhones = ["+48 22 100 200"], HomePhones = ["+48 12 300 400"],
        MobilePhones = ["+48 600 100 200"], OtherPhones = ["+48 800 000 000"],
        BusinessAddress = new PostalAddress("ul. Długa 1; lok. 2", "Kraków", "małopolskie", "30-001", "PL"),
        HomeAddress = new PostalAddress("Hauptstraße 5", "München", null, "80331", "DE"),
        WebPages = ["https://example.pl/a?b=1"], Categories = ["VIP", "Klienci, ważni"], Classification = "Customers/Poland",
        Notes = "Linia 1\nLinia 2 \\ z ukośnikiem; średnik, przecinek — " + new string('ż', 60), Birthday = "1985-04-12",
    }.ToFieldMap();

    [Fact]
    public void Every_field_survives_a_round_trip()
    {
        var text = VCardWriter.Write(Full(), "uid-1", "hub-1");
        var card = VCardReader.Read(text);
        Assert.Equal(Full(), card.Item);
        Assert.Equal(("hub-1", "uid-1"), (card.Marker, card.Uid));
        Assert.Empty(card.Preserved);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_without_cutting_a_character()
    {
        var text = VCardWriter.Write(Full(), "uid-1");
        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
        Assert.Contains(@"NOTE:Linia 1\nLinia 2 \\ z ukośnikiem\; średnik\, przecinek", text);
        Assert.Contains(@"ORG:Żabka\; S.A.;Sprzedaż\, Północ", text);
    }

    [Fact]
    public void A_vcard_3_card_from_a_phone_is_read_and_unknown_properties_are_kept()
    {
        const string v3 = "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17//EN\r\nN:Nowak;Jan;;;\r\nFN:Jan Nowak\r\n" +
            "ORG:ACME;IT\r\nTEL;TYPE=CELL,VOICE:+48 600 1\r\nTEL;TYPE=WORK,VOICE:+48 22 2\r\nTEL;HOME:+48 12 3\r\nTEL:+48 800\r\n" +
            "item1.EMAIL;TYPE=INTERNET,pref:jan@acme.pl\r\nitem1.X-ABLabel:_$!<Work>!$_\r\nADR;TYPE=HOME:;;Ogrodowa 3;Gdańsk;;80-001;PL\r\n" +
            "BDAY:1990-01-31\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n  /2wBDAAgGBgcGBQgHBwcJCQgKDA\r\nCATEGORIES:A,B\\,C\r\nEND:VCARD\r\n";
        var card = VCardReader.Read(v3);
        var c = Contact.From(card.Item);
        Assert.Equal(("Jan", "Nowak", "Jan Nowak", "ACME", "IT"), (c.GivenName, c.Surname, c.DisplayName, c.CompanyName, c.Department));
        Assert.Equal(["+48 600 1"], c.MobilePhones);
        Assert.Equal(["+48 22 2"], c.BusinessPhones);
        Assert.Equal(["+48 12 3"], c.HomePhones);
        Assert.Equal(["+48 800"], c.OtherPhones);
        Assert.Equal(["jan@acme.pl"], c.Emails);
        Assert.Equal(("Ogrodowa 3", "Gdańsk", "80-001"), (c.HomeAddress!.Street, c.HomeAddress.City, c.HomeAddress.PostalCode));
        Assert.Equal("1990-01-31", c.Birthday);
        Assert.Equal(["A", "B,C"], c.Categories);
        Assert.Equal(2, card.Preserved.Count);
        Assert.Contains(card.Preserved, l => l.StartsWith("PHOTO;") && l.EndsWith("/2wBDAAgGBgcGBQgHBwcJCQgKDA"));

        var rewritten = VCardWriter.Write(card.Item, card.Uid ?? "u", null, card.Preserved);
        Assert.Equal(card.Preserved, VCardReader.Read(rewritten).Preserved);
    }
}
