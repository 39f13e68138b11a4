namespace Humas.Workflow.Tests.Architecture;

/// <summary>The reader behind <see cref="FolderDependencyTests"/>, on sources small enough to see every use.</summary>
public sealed class FolderGraphTests
{
    private static FolderGraph Read(params (string Path, string Text)[] files) =>
        FolderGraph.FromSources(files.ToDictionary(f => f.Path, f => f.Text));

    [Fact]
    public void Using_lines_fully_and_partly_qualified_names_and_root_types_are_uses()
    {
        var graph = Read(
            ("Routes.cs", "namespace Humas.Workflow;\npublic static class Routes { }"),
            ("Links/Links.cs", "namespace Humas.Workflow.Links;\npublic sealed class Links { }"),
            ("Pages/Html.cs", "namespace Humas.Workflow.Pages;\npublic static class Html { }"),
            ("Mail/Mailer.cs", "namespace Humas.Workflow.Mail;\npublic sealed class Mailer { }"),
            ("Storage/Store.cs", "namespace Humas.Workflow.Storage;\npublic sealed class Store { }"),
            ("Intake/Handler.cs", """
                using Humas.Workflow.Storage;
                using static Humas.Workflow.Pages.Html;

                namespace Humas.Workflow.Intake;

                public sealed class Handler(Links.Links links, Humas.Workflow.Mail.Mailer mailer)
                {
                    /// <summary>Not <see cref="Storage.Store"/>, which a comment may name.</summary>
                    public string Form => Routes.Form + People.Count;
                }
                """));

        Assert.Equal(
            ["Intake -> (root) (Intake/Handler.cs:9)", "Intake -> Links (Intake/Handler.cs:6)", "Intake -> Mail (Intake/Handler.cs:6)",
             "Intake -> Pages (Intake/Handler.cs:2)", "Intake -> Storage (Intake/Handler.cs:1)"],
            graph.Uses.Select(u => u.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_razor_file_has_the_usings_of_every_imports_file_above_it()
    {
        var graph = Read(
            ("_Imports.razor", "@using Humas.Workflow.Pages"),
            ("Mail/_Imports.razor", "@using Humas.Workflow.Storage"),
            ("Pages/Html.cs", "namespace Humas.Workflow.Pages;\npublic static class Html { }"),
            ("Storage/Store.cs", "namespace Humas.Workflow.Storage;\npublic sealed class Store { }"),
            ("Mail/Note.razor", "<p>@Html.E(\"x\")</p>"));

        Assert.Equal(["Mail -> Pages (_Imports.razor:1)", "Mail -> Storage (Mail/_Imports.razor:1)"], graph.Uses.Select(u => u.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cycle_is_named_hop_by_hop()
    {
        var graph = Read(
            ("Storage/Store.cs", "using Humas.Workflow.Staff;\nnamespace Humas.Workflow.Storage;\npublic sealed class Store { }"),
            ("Staff/Index.cs", "using Humas.Workflow.Storage;\nnamespace Humas.Workflow.Staff;\npublic sealed class Index { }"),
            ("Pages/Html.cs", "using Humas.Workflow.Storage;\nnamespace Humas.Workflow.Pages;\npublic static class Html { }"));

        var cycle = Assert.Single(graph.Cycles(_ => true));
        Assert.Equal(["Staff -> Storage (Staff/Index.cs:1)", "Storage -> Staff (Storage/Store.cs:1)"], cycle.Select(u => u.ToString()));
        Assert.Empty(graph.Cycles(u => u.File != "Staff/Index.cs"));
    }
}
