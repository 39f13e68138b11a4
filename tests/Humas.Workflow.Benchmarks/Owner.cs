namespace Humas.Workflow.Benchmarks;

/// <summary>Whose storage a request touched.</summary>
public enum Owner
{
    AppTables,
    AppBlobs,
    EngineTables,
    EngineQueues,
    EngineBlobs,
    Other,
}
