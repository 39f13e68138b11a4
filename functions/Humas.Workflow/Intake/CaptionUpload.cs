namespace Humas.Workflow.Intake;

/// <summary>A caption file as it arrived, before any check: its name and bytes (a caption file is small, and held whole).</summary>
public sealed record CaptionUpload(string FileName, byte[] Bytes);
