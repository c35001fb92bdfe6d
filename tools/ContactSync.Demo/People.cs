namespace ContactSync.Demo;

/// <summary>One generated person; phones as people type them, not normalised.</summary>
public sealed record Person(string GivenName, string Surname, string Company, string JobTitle, string Email, string Phone,
    string Mobile, string City, string Country);

/// <summary>Name pools per nation (male and female forms kept apart, so Dvořák and Dvořáková agree with their first names).</summary>
public sealed record Nation(string Code, string Domain, string[] MaleFirst, string[] FemaleFirst, string[] MaleLast,
    string[] FemaleLast, string[] Companies, string[] Cities, string Country, Func<Random, string>[] PhoneStyles)
{
    public static readonly Nation Polish = new("PL", "pl", ["Łukasz", "Paweł", "Grzegorz", "Wojciech", "Jędrzej", "Michał", "Zbigniew"],
        ["Małgorzata", "Agnieszka", "Zofia", "Katarzyna", "Bożena", "Jadwiga", "Łucja"],
        ["Wróbel", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Gołąb", "Łuczak", "Zieliński", "Dąbrowski"],
        ["Wróbel", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Gołąb", "Łuczak", "Zielińska", "Dąbrowska"],
        ["Wróbel i Synowie Sp. z o.o.", "Żółć Logistyka S.A.", "Przędzalnia Łódź Sp. z o.o.", "Gdańskie Stocznie S.A."],
        ["Kraków", "Łódź", "Gdańsk", "Poznań", "Wrocław"], "Polska",
        [r => $"+48 {Digits(r, 3)} {Digits(r, 3)} {Digits(r, 3)}", r => $"0048 {Digits(r, 3)}-{Digits(r, 3)}-{Digits(r, 3)}",
         r => $"{Digits(r, 3)} {Digits(r, 3)} {Digits(r, 3)}", r => $"(+48) {Digits(r, 9)}"]);

    public static readonly Nation Czech = new("CZ", "cz", ["Jiří", "Tomáš", "Lukáš", "Zdeněk", "Ondřej", "Petr", "Vojtěch"],
        ["Věra", "Kateřina", "Jana", "Lenka", "Zuzana", "Markéta"],
        ["Dvořák", "Novák", "Černý", "Procházka", "Kučera", "Růžička", "Pospíšil"],
        ["Dvořáková", "Nováková", "Černá", "Procházková", "Kučerová", "Růžičková", "Pospíšilová"],
        ["Dvořák s.r.o.", "Pivovar Třeboň a.s.", "Šumava Stavby s.r.o.", "Škoda Díly a.s."],
        ["Praha", "Brno", "Ostrava", "Plzeň", "České Budějovice"], "Česko",
        [r => $"+420 {Digits(r, 3)} {Digits(r, 3)} {Digits(r, 3)}", r => $"00420 {Digits(r, 9)}", r => $"+420-{Digits(r, 3)}-{Digits(r, 3)}-{Digits(r, 3)}"]);

    public static readonly Nation Lithuanian = new("LT", "lt", ["Žydrūnas", "Mindaugas", "Gintaras", "Vytautas", "Darius", "Šarūnas"],
        ["Rūta", "Eglė", "Jurgita", "Aušra", "Giedrė", "Žydrė"],
        ["Kazlauskas", "Petrauskas", "Jankauskas", "Žukauskas", "Stankevičius", "Vasiliauskas"],
        ["Kazlauskienė", "Petrauskaitė", "Jankauskienė", "Žukauskaitė", "Stankevičienė", "Vasiliauskienė"],
        ["Žalgiris UAB", "Šiaulių Pienas AB", "Kėdainių Grūdai UAB", "Klaipėdos Jūra UAB"],
        ["Vilnius", "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys"], "Lietuva",
        [r => $"8 6{Digits(r, 2)} {Digits(r, 5)}", r => $"+370 6{Digits(r, 2)} {Digits(r, 5)}", r => $"+370-6{Digits(r, 2)}-{Digits(r, 5)}"]);

    public static readonly Nation German = new("DE", "de", ["Jürgen", "Günther", "Jörg", "Matthias", "Stefan", "Uwe"],
        ["Käthe", "Sabine", "Brigitte", "Ursula", "Jördis", "Anja"],
        ["Müller", "Schäfer", "Weiß", "Köhler", "Groß", "Schröder", "Böhm", "Fuchs"],
        ["Müller", "Schäfer", "Weiß", "Köhler", "Groß", "Schröder", "Böhm", "Fuchs"],
        ["Müller & Söhne GmbH", "Bäckerei Groß KG", "Schröder Maschinenbau AG", "Köhler Straßenbau GmbH"],
        ["Berlin", "München", "Köln", "Düsseldorf", "Nürnberg"], "Deutschland",
        [r => $"030 {Digits(r, 7)}", r => $"+49 (0)30 {Digits(r, 7)}", r => $"+49 89 {Digits(r, 6)}-{Digits(r, 2)}", r => $"0049 221 {Digits(r, 6)}"]);

    private static readonly string[] Titles = ["Kierownik / Manager", "Einkauf", "Sales", "Purchasing", "CFO", "Logistics", "Account manager"];

    /// <summary>A deterministic person: the same seed and index give the same person on every run.</summary>
    public Person Make(Random r)
    {
        var female = r.Next(2) == 0;
        var i = r.Next(female ? FemaleFirst.Length : MaleFirst.Length);
        var first = female ? FemaleFirst[i] : MaleFirst[i];
        var j = r.Next(MaleLast.Length);
        var last = female ? FemaleLast[j] : MaleLast[j];
        var company = Companies[r.Next(Companies.Length)];
        var email = $"{Ascii(first)}.{Ascii(last)}{r.Next(100)}@{Ascii(company.Split(' ')[0])}.{Domain}";
        return new Person(first, last, company, Titles[r.Next(Titles.Length)], email, PhoneStyles[r.Next(PhoneStyles.Length)](r),
            PhoneStyles[r.Next(PhoneStyles.Length)](r), Cities[r.Next(Cities.Length)], Country);
    }

    private static string Digits(Random r, int n) => string.Concat(Enumerable.Range(0, n).Select(k => k == 0 ? r.Next(1, 10) : r.Next(10)));

    /// <summary>ASCII for e-mail local parts: diacritics dropped, ł and ß spelled out.</summary>
    public static string Ascii(string s) => new string(s.Replace("ł", "l").Replace("Ł", "L").Replace("ß", "ss")
        .Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => char.IsAsciiLetterOrDigit(c)).ToArray()).ToLowerInvariant();
}
