using System.Net;
using System.Net.Http.Json;
using ContactSync.Hub;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Tests.Api;

/// <summary>M26: tenant creation with the admin key, the key shown once and kept only as a hash, and every tenant route
/// refusing other tenants' keys.</summary>
[Collection(ApiCollection.Name)]
public class TenantAccessTests(ApiHostFixture fx)
{
    [Fact]
    public async Task Creating_a_tenant_returns_its_key_once_and_stores_only_its_hash()
    {
        var id = TestEnvironment.UniqueName("t");
        using var admin = fx.Client(ApiHostFixture.AdminKey);
        using var created = await admin.PutAsJsonAsync($"api/tenants/{id}", ApiHostFixture.TenantBody());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/tenants/{id}", created.Headers.Location?.ToString());
        var body = await ApiHostFixture.JsonAsync(created);
        var key = body.GetProperty("apiKey").GetString()!;
        Assert.StartsWith(id + ".", key);
        Assert.Equal("GRAPH_SECRET_ACME", body.GetProperty("graph").GetProperty("secretReference").GetString());

        var row = (await fx.Tables.GetAsync(HubTables.Tenants, "tenant", id))!;
        Assert.DoesNotContain(row.Properties.Values, v => v?.ToString()?.Contains(key[(id.Length + 1)..]) == true);
        Assert.True(ApiKeys.Verify(key, row.GetString("apiKeyHash")));

        using var updated = await admin.PutAsJsonAsync($"api/tenants/{id}", ApiHostFixture.TenantBody("Acme 2"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var again = await updated.Content.ReadAsStringAsync();
        Assert.DoesNotContain("apiKey", again);
        Assert.Equal("Acme 2", (await fx.Tables.GetAsync(HubTables.Tenants, "tenant", id))!.GetString("displayName"));

        using var tenant = fx.Client(key); // the key still works after the update
        using var missing = await tenant.GetAsync($"api/tenants/{id}/policies/none");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain(fx.Log, line => line.Contains(key[(id.Length + 1)..]));
    }

    [Fact]
    public async Task Only_the_admin_key_creates_tenants_and_a_secret_in_the_body_is_refused()
    {
        var (other, otherKey) = await fx.NewTenantAsync();
        var id = TestEnvironment.UniqueName("t");
        foreach (var key in new[] { null, otherKey, "wrong" })
        {
            using var http = fx.Client(key);
            using var response = await http.PutAsJsonAsync($"api/tenants/{id}", ApiHostFixture.TenantBody());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var admin = fx.Client(ApiHostFixture.AdminKey);
        using var secret = await admin.PutAsJsonAsync($"api/tenants/{id}", new
        {
            displayName = "X", defaultRegion = "PL", timeZone = "Europe/Warsaw",
            graph = new { entraTenantId = "contoso.onmicrosoft.com", clientId = "6f1c2c4e-4f7e-4a43-9a55-0d7f1b1b2a11", credentialKind = "clientSecret", clientSecret = "s3cr3t~value" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, secret.StatusCode);
        var problem = await ApiHostFixture.JsonAsync(secret);
        Assert.True(problem.GetProperty("errors").TryGetProperty("graph.clientSecret", out _));
        Assert.DoesNotContain("s3cr3t~value", problem.ToString());
        using var badId = await admin.PutAsJsonAsync("api/tenants/bad%21id", ApiHostFixture.TenantBody());
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Null(await fx.Tables.GetAsync(HubTables.Tenants, "tenant", id));
        Assert.NotNull(await fx.Tables.GetAsync(HubTables.Tenants, "tenant", other));
    }

    [Fact]
    public async Task Every_tenant_route_refuses_a_missing_key_another_tenants_key_and_answers_404_for_an_unknown_tenant()
    {
        var (a, keyA) = await fx.NewTenantAsync();
        var (_, keyB) = await fx.NewTenantAsync();
        var routes = RouteTable.Load().Where(r => r.Pattern.StartsWith("/api/tenants/{tenantId}/")).ToList();
        Assert.True(routes.Count >= 10, string.Join(", ", routes));
        using var none = fx.Client(null);
        using var other = fx.Client(keyB);
        using var own = fx.Client(keyA);
        using var admin = fx.Client(ApiHostFixture.AdminKey);
        var unknown = TestEnvironment.UniqueName("t");
        foreach (var route in routes)
        {
            async Task Expect(HttpClient http, string tenant, HttpStatusCode status)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), RouteTable.Fill(route.Pattern, tenant))
                {
                    Content = route.Method is "PUT" or "POST" ? JsonContent.Create(new { }) : null,
                };
                using var response = await http.SendAsync(request);
                Assert.True(status == response.StatusCode, $"{route.Method} {route.Pattern} as {tenant}: {(int)response.StatusCode}, expected {(int)status}");
            }
            await Expect(none, a, HttpStatusCode.Unauthorized);
            await Expect(other, a, HttpStatusCode.Forbidden);
            await Expect(own, unknown, HttpStatusCode.Forbidden);
            await Expect(admin, unknown, HttpStatusCode.NotFound);
            await Expect(own, "bad%20id", HttpStatusCode.BadRequest);
        }
    }
}
