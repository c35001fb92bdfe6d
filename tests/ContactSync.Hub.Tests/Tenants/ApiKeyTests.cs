using ContactSync.Hub.Tenants;

namespace ContactSync.Hub.Tests.Tenants;

public class ApiKeyTests
{
    [Fact]
    public void A_key_names_its_tenant_and_carries_32_random_url_safe_bytes()
    {
        var key = ApiKeys.New("contoso.eu");
        Assert.StartsWith("contoso.eu.", key);
        Assert.Equal("contoso.eu", ApiKeys.TenantOf(key));
        var secret = key["contoso.eu.".Length..];
        Assert.Equal(43, secret.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", secret);
        Assert.NotEqual(key, ApiKeys.New("contoso.eu"));
    }

    [Fact]
    public void Only_the_key_itself_verifies_against_its_hash()
    {
        var key = ApiKeys.New("t1");
        var hash = ApiKeys.Hash(key);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(key[3..], hash);
        Assert.True(ApiKeys.Verify(key, hash));
        Assert.False(ApiKeys.Verify(key + "x", hash));
        Assert.False(ApiKeys.Verify(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ApiKeys.Verify(ApiKeys.New("t1"), hash));
        Assert.False(ApiKeys.Verify(null, hash));
        Assert.False(ApiKeys.Verify(key, "not-hex"));
        Assert.False(ApiKeys.Verify(key, ""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nodot")]
    [InlineData(".secret")]
    [InlineData("tenant.")]
    public void Something_that_is_not_a_key_names_no_tenant(string? key) => Assert.Null(ApiKeys.TenantOf(key));
}
