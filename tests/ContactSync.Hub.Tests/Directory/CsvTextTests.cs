using ContactSync.Hub.Directory.Csv;

namespace ContactSync.Hub.Tests.Directory;

public class CsvTextTests
{
    [Fact]
    public void Quoted_fields_hold_separators_quotes_and_line_breaks_and_records_know_their_first_line()
    {
        const string text = "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\n";
        var records = CsvText.Read(text, ',');
        Assert.Equal(3, records.Count);
        Assert.Equal(["x,1", "say \"hi\"", "two\r\nlines"], records[1].Fields);
        Assert.Equal((1, 2, 5), (records[0].Line, records[1].Line, records[2].Line));
        Assert.Equal(["last", "", ""], records[2].Fields);
    }

    [Theory]
    [InlineData("\"First Name\";\"Last Name\";\"E-mail Address\"\r\n\"a,b\";c;d", ';')]
    [InlineData("First Name,Last Name,\"E-mail; Address\"", ',')]
    [InlineData("displayName\temail\tphone", '\t')]
    [InlineData("email", ',')]
    public void The_separator_is_read_from_the_header_line(string text, char expected) =>
        Assert.Equal(expected, CsvText.DetectSeparator(text));

    [Fact]
    public void Written_records_read_back_the_same()
    {
        string?[][] rows = [["plain", "with,comma", "with \"quote\"", "multi\nline", " padded ", null, ""]];
        var w = new StringWriter();
        CsvText.Write(w, rows, ';');
        var back = CsvText.Read(w.ToString(), ';');
        Assert.Equal(["plain", "with,comma", "with \"quote\"", "multi\nline", " padded ", "", ""], back.Single().Fields);
        Assert.EndsWith("\r\n", w.ToString());
    }

    [Fact]
    public void A_file_without_a_final_line_break_keeps_its_last_record()
    {
        var records = CsvText.Read("h1,h2\nv1,\"v2\"", ',');
        Assert.Equal(["v1", "v2"], records[1].Fields);
    }
}
