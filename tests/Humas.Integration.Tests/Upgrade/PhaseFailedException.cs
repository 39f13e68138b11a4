namespace Humas.Integration.Tests.Upgrade;

/// <summary>A phase of the upgrade test that failed, with the logs of the release that was running.</summary>
public sealed class PhaseFailedException(string message, Exception inner) : Exception(message, inner);
