using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

public class EmailAndBirthdayTests
{
    [Theory]
    [InlineData("  Jan.Kowalski@Firma.PL ", "Jan.Kowalski@firma.pl")]
    [InlineData("mailto:Anna@Example.COM", "Anna@example.com")]
    [InlineData("<jiri@seznam.CZ>", "jiri@seznam.cz")]
    public void Email_is_trimmed_and_its_domain_lowered_but_the_local_part_keeps_its_case(string raw, string expected) =>
        Assert.Equal(expected, EmailAddresses.Normalise(raw));

    [Fact]
    public void Emails_compare_ignoring_case()
    {
        Assert.True(EmailAddresses.AreSame("Jan.Kowalski@firma.pl", " jan.kowalski@FIRMA.pl"));
        Assert.False(EmailAddresses.AreSame("jan.kowalski@firma.pl", "jan.kowalsky@firma.pl"));
        Assert.Equal("jan.kowalski@firma.pl", EmailAddresses.ComparisonKey("Jan.Kowalski@Firma.PL"));
    }

    [Theory]
    [InlineData("jan@firma.pl", true)]
    [InlineData("jan@firma", false)]
    [InlineData("jan firma.pl", false)]
    [InlineData("jan@@firma.pl", false)]
    [InlineData("@firma.pl", false)]
    public void Obvious_typos_are_detected(string address, bool valid) =>
        Assert.Equal(valid, EmailAddresses.LooksValid(address));

    [Theory]
    [InlineData("1980-05-17", "PL", "1980-05-17")]
    [InlineData("1980-5-7", "PL", "1980-05-07")]
    [InlineData("1980-05-17T00:00:00Z", "PL", "1980-05-17")]
    [InlineData("1980-05-17T11:59:00Z", "PL", "1980-05-17")]
    [InlineData("1980-05-16T22:00:00Z", "PL", "1980-05-17")]
    [InlineData("1980-05-17T04:00:00Z", "US", "1980-05-17")]
    [InlineData("1980-05-17T00:00:00+02:00", "PL", "1980-05-17")]
    [InlineData("1980-05-17T12:30:00", "PL", "1980-05-17")]
    [InlineData("19800517", "PL", "1980-05-17")]
    [InlineData("17.05.1980", "DE", "1980-05-17")]
    [InlineData("7. 5. 1980", "CZ", "1980-05-07")]
    [InlineData("17.05.1980.", "PL", "1980-05-17")]
    [InlineData("17/05/1980", "GB", "1980-05-17")]
    [InlineData("05/07/1980", "GB", "1980-07-05")]
    [InlineData("05/07/1980", "US", "1980-05-07")]
    [InlineData("05-07-1980", "US", "1980-05-07")]
    [InlineData("05-07-1980", "NL", "1980-07-05")]
    [InlineData("1980/05/17", "US", "1980-05-17")]
    public void Birthday_forms_become_iso_dates(string raw, string region, string expected)
    {
        Assert.True(Birthdays.TryNormalise(raw, region, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("31.02.1980")]
    [InlineData("17 May 1980")]
    [InlineData("1980")]
    [InlineData("13/13/1980")]
    public void Impossible_or_unknown_birthdays_are_refused(string raw) =>
        Assert.False(Birthdays.TryNormalise(raw, "PL", out _));
}
