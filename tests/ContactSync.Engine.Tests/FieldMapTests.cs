using ContactSync.Engine.Items;

namespace ContactSync.Engine.Tests;

public class FieldMapTests
{
    [Fact]
    public void Hash_ignores_insertion_order_and_empty_values()
    {
        var a = FieldMap.From([new("surname", "Nowak"), new("givenName", "Łukasz"), new("notes", "")]);
        var b = FieldMap.Empty.With("givenName", "Łukasz").With("surname", "Nowak");
        Assert.Equal(a.ContentHash(), b.ContentHash());
        Assert.Equal(a, b);
        Assert.NotEqual(a.ContentHash(), b.With("surname", "Novák").ContentHash());
    }

    [Fact]
    public void Changed_fields_names_added_removed_and_edited_fields()
    {
        var a = FieldMap.Empty.With("a", "1").With("b", "2");
        var b = FieldMap.Empty.With("b", "3").With("c", "4");
        Assert.Equal(["a", "b", "c"], FieldMap.ChangedFields(a, b).Order());
    }
}
