namespace Humas.Workflow.Http;

public sealed class LimitExceeded() : IOException("The stream is longer than allowed.");
