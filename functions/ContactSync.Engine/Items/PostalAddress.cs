namespace ContactSync.Engine.Items;

public sealed record PostalAddress(
    string? Street = null, string? City = null, string? State = null, string? PostalCode = null,
    string? CountryOrRegion = null)
{
    public bool IsEmpty => Parts().All(p => string.IsNullOrEmpty(p.Value));

    /// <summary>The address's fields under <paramref name="address"/> ("homeAddress.city", ...).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Fields(string address) =>
        Parts().Select(p => new KeyValuePair<string, string?>(ContactFields.AddressPart(address, p.Key), p.Value));

    public static PostalAddress? From(FieldMap map, string address)
    {
        string? Part(string p) => map[ContactFields.AddressPart(address, p)];
        var a = new PostalAddress(Part(AddressParts.Street), Part(AddressParts.City), Part(AddressParts.State),
            Part(AddressParts.PostalCode), Part(AddressParts.CountryOrRegion));
        return a.IsEmpty ? null : a;
    }

    private IEnumerable<KeyValuePair<string, string?>> Parts() =>
    [
        new(AddressParts.Street, Street), new(AddressParts.City, City), new(AddressParts.State, State),
        new(AddressParts.PostalCode, PostalCode), new(AddressParts.CountryOrRegion, CountryOrRegion),
    ];
}
