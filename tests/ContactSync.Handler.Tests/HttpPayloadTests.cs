using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ContactSync.Handler.Tests;

/// <summary>The dev host's JSON-payload path for an HTTP function that is not forwarded (it has a queue output), driven
/// against a tiny stand-in handler in Node (which the repo needs for Azurite anyway): the request lands in
/// <c>Data.req</c>, <c>Outputs.res</c> becomes the response, <c>Outputs.out</c> one message per array element.</summary>
public class HttpPayloadTests
{
    private const string Stub = """
        const http = require('http');
        http.createServer((req, res) => {
          let body = '';
          req.on('data', d => body += d).on('end', () => {
            if (req.method === 'GET' && req.url === '/') return res.end('ready');
            const r = JSON.parse(body).Data.req;
            res.setHeader('Content-Type', 'application/json');
            res.end(JSON.stringify({
              Outputs: {
                res: { statusCode: 201, headers: { 'X-Stub': 'yes' },
                       body: JSON.stringify({ path: req.url, method: r.Method, query: r.Query, params: r.Params, body: r.Body, arg: process.argv[2] }) },
                out: [{ n: 1 }, { n: 2 }, { n: 3 }] },
              Logs: ['echoed'], ReturnValue: null }));
          });
        }).listen(process.env.FUNCTIONS_CUSTOMHANDLER_PORT, '127.0.0.1');
        """;

    [Fact]
    public async Task A_non_forwarded_http_function_gets_the_json_payload_and_its_outputs_are_bound()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var queue = TestEnvironment.UniqueName("h") + "-out";
        try
        {
            File.WriteAllText(Path.Combine(root, "stub.js"), Stub);
            File.WriteAllText(Path.Combine(root, "host.json"), """
                { "version": "2.0",
                  "customHandler": { "description": { "defaultExecutablePath": "node", "arguments": ["stub.js", "%STUB_ARG%"] },
                                     "enableForwardingHttpRequest": true } }
                """);
            Directory.CreateDirectory(Path.Combine(root, "Echo"));
            File.WriteAllText(Path.Combine(root, "Echo", "function.json"), """
                { "bindings": [
                  { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "function", "methods": ["post"], "route": "echo/{id}" },
                  { "type": "http", "direction": "out", "name": "res" },
                  { "type": "queue", "direction": "out", "name": "out", "queueName": "%ECHO_QUEUE%", "connection": "AzureWebJobsStorage" } ] }
                """);
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            await using var host = await DevHost.DevHost.StartAsync(new DevHost.DevHostOptions
            {
                ScriptRoot = root, HttpUrl = "http://127.0.0.1:0", Log = log.Enqueue,
                Settings = new Dictionary<string, string>
                {
                    ["AzureWebJobsStorage"] = TestEnvironment.StorageConnection, ["ECHO_QUEUE"] = queue, ["STUB_ARG"] = "from-settings",
                },
            });
            using var http = new HttpClient { BaseAddress = host.BaseAddress };

            using var noKey = await http.PostAsync("api/echo/42", new StringContent("hi"));
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

            using var wrongKey = await http.PostAsync("api/echo/42?code=nope", new StringContent("hi"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo/42?x=1") { Content = new StringContent("""{"hello":"world"}""") };
            request.Headers.Add("x-functions-key", "dev-function-key");
            using var ok = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            Assert.Equal("yes", ok.Headers.GetValues("X-Stub").Single());
            var echoed = await ok.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("/Echo", echoed.GetProperty("path").GetString()); // not forwarded: it has a queue output
            Assert.Equal("POST", echoed.GetProperty("method").GetString());
            Assert.Equal("1", echoed.GetProperty("query").GetProperty("x").GetString());
            Assert.Equal("42", echoed.GetProperty("params").GetProperty("id").GetString());
            Assert.Equal("""{"hello":"world"}""", echoed.GetProperty("body").GetString());
            Assert.Equal("from-settings", echoed.GetProperty("arg").GetString());
            Assert.Contains("[Echo] echoed", log);

            var messages = await TestEnvironment.Storage.CreateQueueStore().GetAsync(queue, 32, TimeSpan.FromMinutes(1));
            Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], messages.Select(m => m.Text).Order());
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
