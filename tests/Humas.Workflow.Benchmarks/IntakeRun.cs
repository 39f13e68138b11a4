namespace Humas.Workflow.Benchmarks;

/// <summary>One intake run: the posts alone against bare writes alone, then both taking turns.</summary>
public sealed record IntakeRun(RunFigures Alone, RunFigures BareAlone, RunFigures Turns, RunFigures BareTurns);
