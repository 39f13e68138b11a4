using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Targets;

/// <summary>Asks for a published submission to be counted toward the year's targets.</summary>
public sealed record CountRequest(string SubmissionId, DateTimeOffset At);
