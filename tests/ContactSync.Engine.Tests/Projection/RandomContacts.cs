using ContactSync.Engine.Items;

namespace ContactSync.Engine.Tests.Projection;

/// <summary>Seeded random canonical contacts with many values per list (distinct entries, as after normalisation).</summary>
public sealed class RandomContacts(int seed)
{
    private readonly Random _rng = new(seed);
    private int _serial;

    public FieldMap Next()
    {
        var map = FieldMap.Empty;
        foreach (var field in ContactFields.Names.Concat(ContactFields.AddressFields)
                     .Append(ContactFields.Classification).Append(ContactFields.Birthday))
            if (_rng.Next(3) > 0) map = map.With(field, Word(field));
        if (_rng.Next(2) == 0) map = map.With(ContactFields.Notes, "Note line 1\nNote line 2 " + Word("n"));
        map = map.WithList(ContactFields.Emails, Many(7, () => $"{Word("u")}@Ex{_rng.Next(9)}.example"));
        foreach (var phones in ContactFields.PhoneLists)
            map = map.WithList(phones, Many(5, () => $"+48{_rng.Next(100_000_000, 999_999_999)}"));
        map = map.WithList(ContactFields.WebPages, Many(3, () => $"https://{Word("w")}.example"));
        return map.WithList(ContactFields.Categories, Many(4, () => Word("Cat")));
    }

    /// <summary>A different value for a field (used to simulate a remote edit).</summary>
    public string Edit(string field) => field == ContactFields.Emails ? $"{Word("edited")}@edit.example" : Word("Edited");

    public int Below(int n) => _rng.Next(n);

    private IEnumerable<string> Many(int max, Func<string> make) => Enumerable.Range(0, _rng.Next(max + 1)).Select(_ => make()).ToList();
    private string Word(string field) => $"{field}{++_serial}{(_rng.Next(4) == 0 ? "ąčė" : "")}";
}
