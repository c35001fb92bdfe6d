using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

public class TextFormTests
{
    // Names with marks that Unicode can write precomposed (NFC) or as base letter + combining mark (NFD).
    public static TheoryData<string, string> Names => new()
    {
        { "Grzegorz", "Brzęczyszczykiewicz" },   // Polish ę
        { "Józef", "Wróblewski-Źrebięta" },       // Polish ó, Ź, ę
        { "Jiří", "Dvořák" },                    // Czech ř, í, á
        { "Zdeněk", "Šťastný" },                 // Czech ě, Š, ť, ý
        { "Žydrūnė", "Šimkūnaitė" },             // Lithuanian Ž, ū, ė
        { "Ąžuolas", "Čiurlionis" },             // Lithuanian Ą, ž, Č
        { "Jürgen", "Müller-Lüdenscheidt" },     // German ü
        { "Björn", "Größer" },                   // German ö, ß (ß has no decomposition: unchanged by both forms)
    };

    [Theory, MemberData(nameof(Names))]
    public void Precomposed_and_combining_forms_normalise_and_hash_equal(string given, string surname)
    {
        var nfc = Contact(given.Normalize(NormalizationForm.FormC), surname.Normalize(NormalizationForm.FormC));
        var nfd = Contact(given.Normalize(NormalizationForm.FormD), "  " + surname.Normalize(NormalizationForm.FormD) + "\u00a0");
        Assert.NotEqual(nfc.ContentHash(), nfd.ContentHash()); // as typed, the bytes differ
        var normaliser = new ContactNormaliser("PL");
        var a = normaliser.Normalise(nfc).Item;
        var b = normaliser.Normalise(nfd).Item;
        Assert.Equal(a, b);
        Assert.Equal(a.ContentHash(), b.ContentHash());
        Assert.Equal(surname.Normalize(NormalizationForm.FormC), b[ContactFields.Surname]);
    }

    [Fact]
    public void Line_collapses_whitespace_and_drops_invisible_characters()
    {
        Assert.Equal("Anna Maria Nowak", TextForm.Line("\t Anna\u00a0 Maria\r\n Now\u00adak\u200b "));
        Assert.Equal("", TextForm.Line(" \u2009 "));
        Assert.Equal("", TextForm.Line(null));
    }

    [Fact]
    public void Block_keeps_the_lines_of_notes()
    {
        Assert.Equal("Line one\n\n  indented line", TextForm.Block("\r\nLine one   \r\n\r\n  indented line\t\r\n\r\n"));
    }

    [Theory]
    [InlineData("Łukasz Wróbel", "lukasz wrobel")]
    [InlineData("ŁUKASZ  WRÓBEL", "lukasz wrobel")]
    [InlineData("Jiří Dvořák", "jiri dvorak")]
    [InlineData("Žydrūnė Šimkūnaitė", "zydrune simkunaite")]
    [InlineData("Björn Größer", "bjorn grosser")]
    public void Fold_removes_case_and_diacritics(string name, string folded)
    {
        Assert.Equal(folded, TextForm.Fold(name));
        Assert.Equal(folded, TextForm.Fold(name.Normalize(NormalizationForm.FormD)));
    }

    private static FieldMap Contact(string given, string surname) =>
        new Contact { GivenName = given, Surname = surname, DisplayName = $"{given} {surname}" }.ToFieldMap();
}
