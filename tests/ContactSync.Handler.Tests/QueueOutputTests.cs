using System.Text.Json.Nodes;
using ContactSync.DevHost.Queues;

namespace ContactSync.Handler.Tests;

/// <summary>The host's queue output rules (FACTS.md §1.5), as the dev host applies them.</summary>
public class QueueOutputTests
{
    private readonly List<string> _warnings = [];
    private IReadOnlyList<string> Messages(string json) => QueueOutputs.ToMessages(JsonNode.Parse(json), _warnings.Add);

    [Fact]
    public void An_array_gives_one_message_per_element() =>
        Assert.Equal(["{\"id\":1}", "{\"id\":2}", "plain text!"], Messages("""[{"id":1},{"id":2},"plain text!"]"""));

    [Fact]
    public void An_object_gives_one_message() => Assert.Equal(["{\"id\":1}"], Messages("""{"id":1}"""));

    [Fact]
    public void A_string_holding_a_json_array_is_split() => Assert.Equal(["{\"a\":1}", "{\"b\":2}"], Messages("\"[{\\\"a\\\":1},{\\\"b\\\":2}]\""));

    [Fact]
    public void Null_gives_nothing() => Assert.Empty(QueueOutputs.ToMessages(null, _warnings.Add));

    [Fact]
    public void A_short_string_that_is_valid_base64_is_decoded_as_the_host_does_and_warned_about()
    {
        var messages = Messages("\"c3luYw==\"");
        Assert.Equal(["sync"], messages);
        Assert.Single(_warnings);
    }
}
