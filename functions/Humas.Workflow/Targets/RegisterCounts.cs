namespace Humas.Workflow.Targets;

public sealed record RegisterCounts(int Communities, int PartnerMediaLocal, int PartnerMediaNational);
