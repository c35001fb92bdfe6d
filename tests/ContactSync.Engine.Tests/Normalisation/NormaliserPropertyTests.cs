using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

/// <summary>Seeded random messy contacts (the seed is in every failure message): normalising is idempotent, and the
/// same contact typed with other whitespace, Unicode form and e-mail case hashes equal.</summary>
public class NormaliserPropertyTests
{
    private static readonly string[] Names = ["Łukasz", "Wróbel", "Jiří", "Dvořák", "Žydrūnė", "Šimkūnaitė", "Jürgen", "Müller", "Anna"];
    private static readonly string[] Phones =
        [.. PhoneVectorTests.Valid.Where(v => (string)v[0] == "PL").Select(v => (string)v[1]), "601 234 56", "bad 1", "+999 1"];

    [Theory, InlineData(5), InlineData(2026)]
    public void Normalising_is_idempotent_and_blind_to_how_a_value_was_typed(int seed)
    {
        var rng = new Random(seed);
        var normaliser = new ContactNormaliser("PL");
        for (var i = 0; i < 1000; i++)
        {
            var contact = new Contact
            {
                GivenName = Pick(rng, Names), Surname = Pick(rng, Names), CompanyName = $"{Pick(rng, Names)} Sp. z o.o.",
                Emails = [.. Enumerable.Range(0, rng.Next(4)).Select(n => $"{Pick(rng, Names)}.{n}@Firma{n % 2}.pl")],
                BusinessPhones = [.. Enumerable.Range(0, rng.Next(4)).Select(_ => Pick(rng, Phones))],
                MobilePhones = [.. Enumerable.Range(0, rng.Next(3)).Select(_ => Pick(rng, Phones))],
                Categories = [.. Enumerable.Range(0, rng.Next(3)).Select(_ => Pick(rng, Names))],
                Notes = rng.Next(2) == 0 ? null : $"{Pick(rng, Names)}\r\n  {Pick(rng, Names)}  ",
                Birthday = rng.Next(2) == 0 ? null : "17.05.1980",
            };
            var typedAgain = contact with
            {
                GivenName = Mess(rng, contact.GivenName), Surname = Mess(rng, contact.Surname),
                CompanyName = Mess(rng, contact.CompanyName),
                Emails = [.. contact.Emails.Select(e => rng.Next(2) == 0 ? e.ToUpperInvariant() : " " + e)],
                Categories = [.. contact.Categories.Select(c => Mess(rng, c)!)],
            };
            var once = normaliser.Normalise(contact.ToFieldMap()).Item;
            Assert.True(once.Equals(normaliser.Normalise(once).Item), $"seed {seed} case {i}: {once} not a fixed point");
            var other = normaliser.Normalise(typedAgain.ToFieldMap()).Item;
            var key = ContactMatchKeys.Of(once);
            Assert.True(key.SequenceEqual(ContactMatchKeys.Of(other)), $"seed {seed} case {i}: keys differ");
            // E-mails keep the case first typed, so compare them by key and the rest exactly.
            Assert.True(once.With(ContactFields.Emails, null).ContentHash() == other.With(ContactFields.Emails, null).ContentHash(),
                $"seed {seed} case {i}: {once} vs {other}");
        }
    }

    private static string Pick(Random rng, string[] from) => from[rng.Next(from.Length)];

    private static string? Mess(Random rng, string? s) => s is null ? null : rng.Next(3) switch
    {
        0 => s.Normalize(NormalizationForm.FormD),
        1 => $"  {s.Replace(" ", " \u00a0\t")} ",
        _ => s,
    };
}
