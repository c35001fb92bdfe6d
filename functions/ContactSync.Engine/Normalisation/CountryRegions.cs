namespace ContactSync.Engine.Normalisation;

/// <summary>
/// An address's country as one of <see cref="CallingCodes.Regions"/>: by ISO 3166 code (alpha-2 or alpha-3) or by a
/// common name in English, Polish, Czech, Lithuanian, German or the country's own language, compared folded (case,
/// diacritics and punctuation ignored: "ČESKÁ REPUBLIKA", "Ceska republika" and "Česká republika" are one name).
/// A country outside the numbering table gives null, so its phones fall back to the tenant's region.
/// </summary>
public static class CountryRegions
{
    // Region → ISO alpha-3, then names: English, Polish, Czech, Lithuanian, German, native, common aliases.
    private static readonly (string Region, string[] Names)[] Table =
    [
        ("PL", ["POL", "Poland", "Polska", "Polsko", "Lenkija", "Polen"]),
        ("CZ", ["CZE", "Czech Republic", "Czechia", "Czechy", "Republika Czeska", "Česko", "Česká republika", "Čekija",
            "Čekijos Respublika", "Tschechien", "Tschechische Republik"]),
        ("SK", ["SVK", "Slovakia", "Słowacja", "Slovensko", "Slovakija", "Slowakei", "Slovenská republika"]),
        ("LT", ["LTU", "Lithuania", "Litwa", "Litva", "Lietuva", "Litauen"]),
        ("LV", ["LVA", "Latvia", "Łotwa", "Lotyšsko", "Latvija", "Lettland"]),
        ("EE", ["EST", "Estonia", "Estonsko", "Estija", "Estland", "Eesti"]),
        ("DE", ["DEU", "Germany", "Niemcy", "Německo", "Vokietija", "Deutschland", "Bundesrepublik Deutschland"]),
        ("AT", ["AUT", "Austria", "Rakousko", "Austrija", "Österreich"]),
        ("CH", ["CHE", "Switzerland", "Szwajcaria", "Švýcarsko", "Šveicarija", "Schweiz", "Suisse", "Svizzera"]),
        ("GB", ["GBR", "UK", "United Kingdom", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
            "Wielka Brytania", "Anglia", "Zjednoczone Królestwo", "Spojené království", "Velká Británie", "Anglie",
            "Jungtinė Karalystė", "Didžioji Britanija", "Anglija", "Vereinigtes Königreich", "Großbritannien"]),
        ("IE", ["IRL", "Ireland", "Irlandia", "Irsko", "Airija", "Irland", "Éire"]),
        ("US", ["USA", "United States", "United States of America", "Stany Zjednoczone", "Spojené státy",
            "Spojené státy americké", "Jungtinės Amerikos Valstijos", "JAV", "Vereinigte Staaten",
            "Vereinigte Staaten von Amerika"]),
        ("CA", ["CAN", "Canada", "Kanada"]),
        ("FR", ["FRA", "France", "Francja", "Francie", "Prancūzija", "Frankreich"]),
        ("IT", ["ITA", "Italy", "Włochy", "Itálie", "Italija", "Italien", "Italia"]),
        ("ES", ["ESP", "Spain", "Hiszpania", "Španělsko", "Ispanija", "Spanien", "España"]),
        ("PT", ["PRT", "Portugal", "Portugalia", "Portugalsko", "Portugalija"]),
        ("NL", ["NLD", "Netherlands", "Holland", "Holandia", "Niderlandy", "Nizozemsko", "Nyderlandai",
            "Niederlande", "Nederland"]),
        ("BE", ["BEL", "Belgium", "Belgia", "Belgija", "Belgien", "België", "Belgique"]),
        ("LU", ["LUX", "Luxembourg", "Luksemburg", "Lucembursko", "Liuksemburgas", "Luxemburg"]),
        ("DK", ["DNK", "Denmark", "Dania", "Dánsko", "Danija", "Dänemark", "Danmark"]),
        ("SE", ["SWE", "Sweden", "Szwecja", "Švédsko", "Švedija", "Schweden", "Sverige"]),
        ("NO", ["NOR", "Norway", "Norwegia", "Norsko", "Norvegija", "Norwegen", "Norge"]),
        ("FI", ["FIN", "Finland", "Finlandia", "Finsko", "Suomija", "Finnland", "Suomi"]),
        ("HU", ["HUN", "Hungary", "Węgry", "Maďarsko", "Vengrija", "Ungarn", "Magyarország"]),
        ("RO", ["ROU", "Romania", "Rumunia", "Rumunsko", "Rumunija", "Rumänien"]),
        ("UA", ["UKR", "Ukraine", "Ukraina", "Ukrajina", "Україна"]),
    ];

    private static readonly Dictionary<string, string> ByKey = Build();

    /// <summary>The numbering region of <paramref name="country"/> ("Niemcy" → "DE"), or null when it is empty or
    /// not a country of the numbering table.</summary>
    public static string? Of(string? country) =>
        ByKey.TryGetValue(Key(country), out var region) ? region : null;

    private static Dictionary<string, string> Build()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in CallingCodes.Regions) byKey[Key(region)] = region.ToUpperInvariant();
        foreach (var (region, names) in Table)
            foreach (var name in names) byKey.Add(Key(name), region);
        return byKey;
    }

    // Folded words without punctuation ("U.S.A." → "usa", "The Netherlands" → "netherlands").
    private static string Key(string? name)
    {
        var folded = TextForm.Fold(name).Replace(".", "", StringComparison.Ordinal);
        var words = new string(folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words is ["the", _, ..] ? words[1..] : words);
    }
}
