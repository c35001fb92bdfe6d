using FsCheck;
using FsCheck.Fluent;

namespace ContactSync.Storage.Tests.Unit;

public sealed class TableKeysTests
{
    [Fact]
    public void Escape_makes_any_id_a_valid_key_and_unescape_restores_it()
    {
        Prop.ForAll<string>(id =>
        {
            id ??= "";
            var key = TableKeys.Escape(id);
            return key.All(c => !TableKeys.IsForbidden(c)) && !key.Contains('%') && TableKeys.Unescape(key) == id;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("plain-id_123", "plain-id_123")]
    [InlineData("a/b#c?d\\e", "a~2Fb~23c~3Fd~5Ce")]
    [InlineData("50%~", "50~25~7E")]
    [InlineData("line\nbreak", "line~0Abreak")]
    public void Escape_uses_tilde_hex(string id, string key) => Assert.Equal(key, TableKeys.Escape(id));

    [Fact]
    public void Unescape_rejects_a_dangling_tilde() => Assert.Throws<FormatException>(() => TableKeys.Unescape("bad~4"));

    [Fact]
    public void Validate_names_the_key_and_the_character()
    {
        var e = Assert.Throws<StorageException>(() => TableKeys.Validate("user\u0001x", "RowKey"));
        Assert.Equal((StorageErrorKind.BadRequest, 0, "InvalidKey"), (e.Kind, e.Status, e.ErrorCode));
        Assert.Contains("RowKey 'user\\u0001x'", e.Message);
        Assert.Contains("U+0001 at index 4", e.Message);
        Assert.Null(TableKeys.Problem("ok key with spaces, quotes ' and ünïcode"));
    }
}
