using Azure.Data.Tables;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Publication;

public sealed record PublishedMedia(string Name, string ContentType, long Size, string Url);
