namespace Humas.Workflow.Uploads;

/// <summary>Why a submission cannot take one of the uploads it names.</summary>
public sealed class UploadRefused(int status, string reason) : Exception(reason)
{
    public int Status { get; } = status;
}
