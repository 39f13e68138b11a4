using Humas.Workflow.Vocabulary;
using ClosedXML.Excel;
using Humas.Workflow.Pages;

namespace Humas.Workflow.Summaries;

/// <summary>The snapshot as a workbook: one sheet per view, headers in Indonesian with English below.</summary>
public static class SummaryWorkbook
{
    public const string TargetsSheet = "Target";
    public const string RegionsSheet = "Wilayah";

    public static byte[] Xlsx(WeeklySnapshot s)
    {
        var r = s.Report;
        using var book = new XLWorkbook();
        Sheet(book, TargetsSheet, ["Kode / Id", "Program / Programme", "Target (ID)", "Target (EN)", "Target tahunan / Yearly target",
                "Capaian / Reached", "Seharusnya / Expected by now", "Status", "Kurang / Short", "% capaian / % reached"],
            r.Targets.Select(t => new object?[] { t.Id, t.Programme, t.Name, t.NameEn, t.Target, t.Actual, t.ExpectedByNow, Terms.Pace(t.Status).Both, t.Short, t.Percent }));
        Sheet(book, RegionsSheet, ["Kode / Code", "Kabupaten/Kota / Regency or city", "Konten terbit / Published", "Tercakup / Covered"],
            r.Coverage.Regions.Select(x => new object?[] { x.Key, x.Name, x.Count, x.Count > 0 ? "ya / yes" : "belum / not yet" }));
        Sheet(book, "Tim", ["Tim / Team", "Nama / Name", "Konten terbit / Published"], r.ByTeam.Select(x => new object?[] { x.Key, x.Name, x.Count }));
        Sheet(book, "Kanal", ["Kanal / Channel", "Terbit / Published"], r.ByChannel.Select(x => new object?[] { x.Key, x.Count }));
        Sheet(book, "Bulan", ["Bulan / Month", "Nama / Name", "Konten terbit / Published"], r.ByMonth.Select(x => new object?[] { x.Key, x.Name, x.Count }));
        Sheet(book, "Tertunda", ["Pengajuan / Submission", "Judul / Title", "Tahap / Stage", "Menunggu / Waiting for", "Sejak (WIB) / Since (WIB)", "Batas (WIB) / Deadline (WIB)"],
            s.Overdue.Select(o => new object?[] { o.Id, o.Title, o.Stage.ToString(), string.Join(", ", o.WaitingFor), Wib.Format(o.Since), Wib.Format(o.Deadline) }));
        var about = book.Worksheets.Add("Tentang");
        about.Cell(1, 1).Value = "Unit"; about.Cell(1, 2).Value = r.Unit;
        about.Cell(2, 1).Value = "Tahun / Year"; about.Cell(2, 2).Value = r.Year;
        about.Cell(3, 1).Value = "Per (WIB) / As of (WIB)"; about.Cell(3, 2).Value = Wib.Format(r.AsOf);
        about.Cell(4, 1).Value = "Konten terbit / Published items"; about.Cell(4, 2).Value = r.PublishedItems;
        about.Cell(5, 1).Value = "Komunitas / Communities"; about.Cell(5, 2).Value = r.Registers.Communities;
        about.Cell(6, 1).Value = "Media mitra lokal / Local partner media items"; about.Cell(6, 2).Value = r.Registers.PartnerMediaLocal;
        about.Cell(7, 1).Value = "Media mitra nasional / National partner media items"; about.Cell(7, 2).Value = r.Registers.PartnerMediaNational;
        Widen(about);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Sheet(XLWorkbook book, string name, string[] headers, IEnumerable<object?[]> rows)
    {
        var sheet = book.Worksheets.Add(name);
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++) sheet.Cell(r, c + 1).Value = row[c];
            r++;
        }
        Widen(sheet);
    }

    // Widths from the text length: ClosedXML's own measuring needs System.Drawing, which Linux hosts lack.
    private static void Widen(IXLWorksheet sheet)
    {
        foreach (var column in sheet.ColumnsUsed())
            column.Width = Math.Clamp(column.CellsUsed().Max(c => c.GetString().Length) + 2, 8, 60);
    }
}
