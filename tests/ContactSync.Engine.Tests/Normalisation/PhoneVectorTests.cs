using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

public class PhoneVectorTests
{
    // region, as typed, canonical E.164 (";ext=" when an extension was given)
    public static TheoryData<string, string, string> Valid => new()
    {
        // Poland: no trunk prefix since 2009, but the old "0" form is still typed; "wew." = extension.
        { "PL", "22 123 45 67", "+48221234567" },
        { "PL", "+48 22 123 45 67", "+48221234567" },
        { "PL", "0048 601-234-567", "+48601234567" },
        { "PL", "(022) 123-45-67", "+48221234567" },
        { "PL", "+48 22 123 45 67 wew. 123", "+48221234567;ext=123" },
        // Czechia: nine digits, no trunk prefix; "kl." = klapka.
        { "CZ", "602 123 456", "+420602123456" },
        { "CZ", "+420 221 234 567", "+420221234567" },
        { "CZ", "00420 221 234 567", "+420221234567" },
        { "CZ", "+420 221 234 567 kl. 25", "+420221234567;ext=25" },
        // Lithuania: trunk prefix 8, replaced by 0 in 2025.
        { "LT", "8 612 34567", "+37061234567" },
        { "LT", "0 612 34567", "+37061234567" },
        { "LT", "+370 5 212 3456", "+37052123456" },
        { "LT", "00370 612 34567", "+37061234567" },
        { "LT", "+370 5 212 3456 ext 7", "+37052123456;ext=7" },
        // Germany
        { "DE", "030 1234567", "+49301234567" },
        { "DE", "+49 (0)30 1234567", "+49301234567" },
        { "DE", "0049 89 12345678", "+498912345678" },
        { "DE", "0171/1234567", "+491711234567" },
        { "DE", "+49 30 1234567 Durchwahl 89", "+49301234567;ext=89" },
        // Austria: "DW" = Durchwahl.
        { "AT", "01 5123456", "+4315123456" },
        { "AT", "+43 (0)1 5123456", "+4315123456" },
        { "AT", "0043 664 1234567", "+436641234567" },
        { "AT", "+43 1 5123456 DW 12", "+4315123456;ext=12" },
        // Switzerland
        { "CH", "044 668 18 00", "+41446681800" },
        { "CH", "+41 (0)44 668 18 00", "+41446681800" },
        { "CH", "0041 79 123 45 67", "+41791234567" },
        { "CH", "044 668 18 00 int. 3", "+41446681800;ext=3" },
        // United Kingdom
        { "GB", "020 7946 0958", "+442079460958" },
        { "GB", "+44 (0)20 7946 0958", "+442079460958" },
        { "GB", "0044 7700 900123", "+447700900123" },
        { "GB", "+44 20 7946 0958 ext. 204", "+442079460958;ext=204" },
        { "GB", "+44 020 7946 0958", "+442079460958" },
        // United States (NANP): trunk 1, international prefix 011.
        { "US", "(212) 555-0123", "+12125550123" },
        { "US", "1-212-555-0123", "+12125550123" },
        { "US", "+1 212.555.0123", "+12125550123" },
        { "US", "212-555-0123 x45", "+12125550123;ext=45" },
        { "US", "212-555-0123 #45", "+12125550123;ext=45" },
        { "US", "011 48 22 123 45 67", "+48221234567" },
        // France: "poste" = extension.
        { "FR", "01 23 45 67 89", "+33123456789" },
        { "FR", "+33 (0)1 23 45 67 89", "+33123456789" },
        { "FR", "0033 6 12 34 56 78", "+33612345678" },
        { "FR", "01 23 45 67 89 poste 12", "+33123456789;ext=12" },
        // Italy: the leading 0 of landlines is part of the number, at home and abroad.
        { "IT", "06 1234 5678", "+390612345678" },
        { "IT", "+39 06 1234 5678", "+390612345678" },
        { "IT", "0039 347 123 4567", "+393471234567" },
        { "IT", "+39 (0)6 1234 5678", "+390612345678" },
        { "IT", "06 1234 5678 interno 21", "+390612345678;ext=21" },
        // Other table countries and cross-border numbers.
        { "SK", "02 1234 5678", "+421212345678" },
        { "HU", "06 1 234 5678", "+3612345678" },
        { "NL", "020 123 4567", "+31201234567" },
        { "IE", "01 234 5678", "+35312345678" },
        { "PL", "+49 30 1234567", "+49301234567" },
        { "DE", "0039 06 1234 5678", "+390612345678" },
        { "PL", "+385 1 234 5678", "+38512345678" },
        { "PL", "＋４８ ２２ １２３ ４５ ６７", "+48221234567" },
        { "PL", "+48221234567;ext=123", "+48221234567;ext=123" },
        { "PL", "+36 06 1 234 5678", "+3612345678" },
        { "PL", "+370 8 612 34567", "+37061234567" },
        { "LT", "+370 800 12345", "+37080012345" },
        { "PL", "+1 1 212 555 0123", "+12125550123" },
        // A bracketed "+CC" (how many Polish and German business cards print it), also with a trunk "(0)".
        { "PL", "(+48) 601 234 567", "+48601234567" },
        { "PL", "(+49) 30 1234567", "+49301234567" },
        { "DE", "(+49) (0)30 1234567", "+49301234567" },
        { "PL", "( +48 ) 22 123 45 67 wew. 12", "+48221234567;ext=12" },
        { "PL", "(+44) 20 7946 0958", "+442079460958" },
        { "PL", "+(48) 601 234 567", "+48601234567" },
        { "PL", "(0048) 601 234 567", "+48601234567" },
    };

    // region, as typed, a fragment of the problem
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "PL", "601 234 56", "too short for PL" },
        { "PL", "+48 601 234 5678", "too long for PL" },
        { "CZ", "602 12 34", "too short for CZ" },
        { "LT", "612 3456", "too short for LT" },
        { "DE", "030 12", "too short for DE" },
        { "AT", "+43 1", "too short for AT" },
        { "CH", "044 668 18", "too short for CH" },
        { "GB", "020 7946", "too short for GB" },
        { "US", "555-0123", "too short for US" },
        { "US", "1-800-FLOWERS", "contains letters" },
        { "FR", "01 23 45 67 89 10", "too long for FR" },
        { "IT", "0612", "too short for IT" },
        { "PL", "+999 123 456 789", "unknown country calling code" },
        { "PL", "22*123*45*67", "unexpected character" },
        { "PL", "+48 22 123 45 67 (Büro)", "contains letters" },
        { "XX", "22 123 45 67", "no known default region" },
        { "PL", "+385 1234567890123", "too long" },
        { "PL", "601 (+48) 234 567", "unexpected character '+'" },
        { "PL", "(+48) +48 601 234 567", "unexpected character '+'" },
        { "PL", "(+999) 123 456 789", "unknown country calling code" },
    };

    [Theory, MemberData(nameof(Valid))]
    public void Valid_numbers_become_e164(string region, string raw, string expected)
    {
        var r = PhoneNumbers.Normalise(raw, region);
        Assert.True(r.IsCanonical, r.Problem);
        Assert.Equal(expected, r.Value);
        Assert.Null(r.Problem);
        // Canonical is a fixed point, whatever the region reading it.
        Assert.Equal(expected, PhoneNumbers.Normalise(r.Value, "US").Value);
    }

    [Theory, MemberData(nameof(Invalid))]
    public void Invalid_numbers_are_kept_as_typed_with_a_reason(string region, string raw, string problem)
    {
        var r = PhoneNumbers.Normalise(raw, region);
        Assert.False(r.IsCanonical);
        Assert.Equal(raw, r.Value);
        Assert.Contains(problem, r.Problem);
    }

    [Fact]
    public void Every_region_in_the_brief_is_in_the_table()
    {
        string[] required = ["PL", "CZ", "SK", "LT", "LV", "EE", "DE", "AT", "CH", "GB", "IE", "US", "CA", "FR", "IT",
            "ES", "PT", "NL", "BE", "LU", "DK", "SE", "NO", "FI", "HU", "RO", "UA"];
        Assert.Empty(required.Except(CallingCodes.Regions, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Extension_is_dropped_for_comparison_only()
    {
        Assert.Equal("+48221234567", PhoneNumbers.WithoutExtension("+48221234567;ext=12"));
        Assert.Equal("+48221234567", PhoneNumbers.WithoutExtension("+48221234567"));
    }
}
