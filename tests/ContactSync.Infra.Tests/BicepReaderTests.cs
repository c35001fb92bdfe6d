using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>The text reader the other tests stand on: comments, strings, interpolation and nesting.</summary>
public sealed class BicepReaderTests
{
    private const string Sample = """
        // the app's settings: an apostrophe in a comment
        param name string
        @secure()
        param key string = 'a//b' /* block
        comment */
        var fooAppSettings = {
          Plain__Key: 'https://x.example/{notBrace}'
          'Quoted__${i}__Key': '${replace(name, '.', '-')}'
          Nested: {
            Inner: 'x'
          }
        }
        module m 'app/m.bicep' = {
          name: 'm'
          params: {
            first: { deep: 1 }
            second: [
              'x'
            ]
          }
        }
        """;

    private static BicepFile Parse()
    {
        var path = Path.Combine(Path.GetTempPath(), $"reader-{Guid.NewGuid():N}.bicep");
        File.WriteAllText(path, Sample);
        try { return BicepFile.Load(path); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Comments_go_but_comment_markers_inside_strings_stay()
    {
        var code = Parse().Source.Code;
        Assert.DoesNotContain("apostrophe", code);
        Assert.DoesNotContain("block", code);
        Assert.Contains("'a//b'", code);
        Assert.Contains("'https://x.example/{notBrace}'", code);
        Assert.Equal(Sample.Split('\n').Length, code.Split('\n').Length);
    }

    [Fact]
    public void Statements_params_and_defaults_are_read()
    {
        var file = Parse();
        Assert.Equal(["param", "param", "var", "module"], file.Statements.Select(s => s.Kind));
        Assert.Equal([("name", false), ("key", true)], file.Params());
    }

    [Fact]
    public void Keys_read_through_interpolation_and_nesting()
    {
        var var = Parse().Var("fooAppSettings").Text;
        Assert.Equal(["Plain__Key", "Quoted__0__Key", "Nested", "Inner"], BicepObjects.KeysAtLineStart(var));
        Assert.Equal(["Plain__Key", "Quoted__0__Key", "Nested"], BicepObjects.TopLevelKeys(var, var.IndexOf('{')));
    }

    [Fact]
    public void Module_params_are_the_outer_keys_of_the_params_block()
    {
        var module = Parse().OfKind("module").Single().Text;
        Assert.Equal(["first", "second"], BicepObjects.TopLevelKeys(module, BicepObjects.ObjectValueOf(module, "params")));
    }

    [Fact]
    public void A_bracket_is_matched_across_strings_and_holes()
    {
        var source = new BicepSource("x.bicep", "{ a: '}${f('}')}' }tail");
        Assert.Equal("tail", source.Code[source.MatchingClose(0)..]);
    }
}
