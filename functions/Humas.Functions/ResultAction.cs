using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Functions;

/// <summary>Lets a trigger return the handler's ASP.NET Core result through the Functions ASP.NET Core integration.</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
