using ContactSync.Handler;
using Microsoft.Extensions.Options;

// The Functions host tells the handler where to listen; nothing else may reach it (FACTS.md §1.1).
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } p ? p : "8080";
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddContactSyncHandler(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = HandlerEndpoints.StatusFor });
app.UseStatusCodePages();
app.MapContactSyncHandler();

try
{
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"ContactSync.Handler cannot start: {string.Join("; ", e.Failures)}");
    return 1;
}
