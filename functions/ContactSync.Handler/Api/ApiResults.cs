using System.Text;
using ContactSync.Hub.Validation;

namespace ContactSync.Handler.Api;

/// <summary>How the management API answers: hub outcomes as problem details (RFC 9457; validation errors per field in
/// <c>errors</c>), JSON the hub's writers produced as it is.</summary>
public static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> ok) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.Invalid => Invalid(outcome.Errors!),
        OutcomeKind.NotFound => Problem(404, "Not found", outcome.Message),
        OutcomeKind.Stale => Problem(412, "Precondition Failed", outcome.Message),
        _ => Problem(409, "Conflict", outcome.Message),
    };

    public static IResult Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(errors.Errors), title: "The request is not valid");

    public static IResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>400 naming the route parameter that is not an id.</summary>
    public static IResult BadId(string field, string? id)
    {
        var errors = new ValidationErrors();
        Ids.Check(errors, field, id);
        return Invalid(errors);
    }

    public static IResult NotFound(string what, string id) => Problem(404, "Not found", $"{what} '{id}' does not exist.");

    public static IResult Json(string json, int status = 200) => TypedResults.Text(json, "application/json", Encoding.UTF8, status);

    /// <summary>201 with <c>Location</c>, or 200 for an update.</summary>
    public static IResult Saved(HttpContext http, bool created, string json)
    {
        if (created) http.Response.Headers.Location = http.Request.Path.Value;
        return Json(json, created ? 201 : 200);
    }
}
