using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;
using Microsoft.AspNetCore.Http;
using static ContactSync.Graph.Tests.Sandbox.Subscribe;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class HandshakeTests
{
    [Theory]
    [InlineData("plain-token")]
    [InlineData("a+b")]
    [InlineData("already%2Bencoded")]
    [InlineData("Validation: Testing client application reachability for subscription Request-Id: 1234")]
    [InlineData("Zażółć gęślą jaźń + 100% ü")]
    public async Task The_handshake_succeeds_when_the_endpoint_echoes_the_decoded_token(string token)
    {
        var (h, hook) = await StartAsync(new SandboxOptions { ValidationTokenFactory = () => token });
        await using var _ = h;
        await using var __ = hook;
        using var created = await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")));
        var subscription = await SandboxHarness.BodyAsync(created);
        Assert.True(201 == (int)created.StatusCode, string.Join("; ", h.Server.Control.Deliveries()));
        Assert.Equal("secret-state", subscription["clientState"]!.GetValue<string>());
        Assert.Equal(Uri.EscapeDataString(token), Assert.Single(hook.RawTokens));
        Assert.Single(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task Echoing_the_encoded_token_fails_validation_and_creates_nothing()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        hook.OnValidation = (_, raw) => Task.FromResult(Results.Text(raw, "text/plain"));
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts"))), 400, "ValidationError");
        Assert.Empty(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task A_late_or_non_text_answer_fails_validation()
    {
        var (h, hook) = await StartAsync(new SandboxOptions { ValidationTimeout = TimeSpan.FromSeconds(1) });
        await using var _ = h;
        await using var __ = hook;
        hook.OnValidation = async (decoded, _) => { await Task.Delay(1500); return Results.Text(decoded, "text/plain"); };
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts"))), 400, "ValidationError");
        hook.OnValidation = (decoded, _) => Task.FromResult(Results.Json(decoded));
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts"))), 400, "ValidationError");
        Assert.Empty(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task The_lifecycle_url_is_validated_too_and_limits_are_enforced()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        var resource = $"/users/{h.Ann.Id}/contacts";
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, resource, "http://127.0.0.1:1/dead"))), 400, "ValidationError");
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, resource, expires: DateTimeOffset.UtcNow.AddMinutes(10_090)))), 400, "ExtensionError");
        var longState = JsonNode.Parse(Body(hook.Url, resource))!.AsObject();
        longState["clientState"] = new string('x', 129);
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(longState.ToJsonString())), 400, "ExtensionError");
        Assert.Empty(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task Another_tenants_mailbox_cannot_be_subscribed()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        var foreign = h.Client("fabrikam", "app-9");
        Assert.Equal(403, (int)(await foreign.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")))).StatusCode);
        Assert.Empty(hook.RawTokens);
    }
}
