namespace ContactSync.Storage.Tests.Unit;

public sealed class StorageAccountTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcw==";

    [Fact]
    public void Development_storage_uses_the_azurite_defaults()
    {
        var a = StorageAccount.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", a.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), a.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), a.QueueEndpoint);
    }

    [Fact]
    public void A_full_connection_string_builds_the_endpoints_from_name_protocol_and_suffix()
    {
        var a = StorageAccount.Parse($"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal(new Uri("https://acct.table.core.chinacloudapi.cn"), a.TableEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn"), a.QueueEndpoint);
        var defaults = StorageAccount.Parse($"accountname=acct;accountkey={Key}");
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), defaults.TableEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win()
    {
        var a = StorageAccount.Parse($"AccountName=acct;AccountKey={Key};TableEndpoint=http://localhost:1/acct;QueueEndpoint=http://localhost:2/acct;");
        Assert.Equal(new Uri("http://localhost:1/acct"), a.TableEndpoint);
        Assert.Equal(new Uri("http://localhost:2/acct"), a.QueueEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountKey=c2VjcmV0LWtleS1ieXRlcw==", "AccountName")]
    [InlineData("AccountName=acct", "AccountKey")]
    [InlineData("AccountName=acct;AccountKey=not*base64!", "not valid base64")]
    [InlineData("AccountName=acct;AccountKey=c2VjcmV0LWtleS1ieXRlcw==;DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct;AccountKey=c2VjcmV0LWtleS1ieXRlcw==;TableEndpoint=nope", "TableEndpoint")]
    [InlineData("AccountName=acct;c2VjcmV0LWtleS1ieXRlcw", "Name=Value")]
    [InlineData("BlobEndpoint=x;SharedAccessSignature=sv=1", "SharedAccessSignature")]
    public void A_bad_connection_string_names_the_problem_without_echoing_the_key(string cs, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => StorageAccount.Parse(cs));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("c2VjcmV0", e.Message);
        Assert.DoesNotContain("not*base64", e.Message);
    }
}
