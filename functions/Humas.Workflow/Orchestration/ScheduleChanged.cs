namespace Humas.Workflow.Orchestration;

/// <summary>Staff moved a scheduled publication (null: publish now).</summary>
public sealed record ScheduleChanged(DateTimeOffset? PublishAt, string By, DateTimeOffset At);
