namespace Humas.Workflow.Http;

/// <summary>One method on one route of <see cref="Routes"/>; a route may be staff for one method and public for another.</summary>
public sealed record StaffRoute(string Method, string Route)
{
    public override string ToString() => $"{Method} /{Route}";
}
