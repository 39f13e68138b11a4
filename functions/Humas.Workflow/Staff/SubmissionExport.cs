using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Staff;

/// <summary>The staff list as a spreadsheet: headers in Indonesian with English, times in WIB.</summary>
public static class SubmissionExport
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "ID", "Judul / Title", "Status", "Tahap / Stage", "Menunggu / Waiting for", "Tim / Team", "Wilayah / Region",
        "Jenis / Content type", "Jalur / Track", "Kanal / Channels", "Pengaju / Submitter", "Email pengaju / Submitter email",
        "Diajukan (WIB) / Submitted (WIB)", "Diperbarui (WIB) / Updated (WIB)", "Jadwal terbit (WIB) / Publish at (WIB)",
        "Batas (WIB) / Deadline (WIB)",
    ];

    public static string Stamp(DateTimeOffset? t) =>
        t is null ? "" : t.Value.ToWib().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string ToWibStamp(this DateTimeOffset t) => t.ToWib().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);

    /// <summary>Words, not codes: the file is read by people, in both languages; the ID is what finds a row again.</summary>
    public static IReadOnlyList<string> Cells(SubmissionRow r, UnitProfile unit) =>
    [
        r.Id, r.Title, Enum.TryParse<SubmissionStatus>(r.Status, out var status) ? Terms.Status(status).Both : r.Status,
        Enum.TryParse<Stage>(r.Stage, out var stage) ? Terms.Stage(stage).Both : "", r.WaitingFor,
        r.Team is null ? "" : Terms.Team(unit, r.Team).Both, r.Region is null ? "" : Terms.Region(unit, r.Region).Both,
        Terms.ContentType(r.ContentType).Both, Terms.Track(unit, r.Track).Both, string.Join(", ", r.Channels.Select(c => Terms.Channel(c).Both)),
        r.SubmitterName ?? "", r.SubmitterEmail, Stamp(r.CreatedAt), Stamp(r.UpdatedAt), Stamp(r.PublishAt), Stamp(r.Deadline),
    ];

    /// <summary>RFC 4180 with a byte order mark, so Excel reads the UTF-8; a cell that a spreadsheet would run as a formula is quoted as text.</summary>
    public static byte[] Csv(IEnumerable<SubmissionRow> rows, UnitProfile unit)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Headers.Select(Quote))).Append("\r\n");
        foreach (var r in rows) sb.Append(string.Join(",", Cells(r, unit).Select(Quote))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || cell.StartsWith(' ') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
    }

    public static byte[] Xlsx(IEnumerable<SubmissionRow> rows, UnitProfile unit)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Pengajuan");
        for (var c = 0; c < Headers.Count; c++) sheet.Cell(1, c + 1).Value = Headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        var line = 2;
        foreach (var r in rows)
        {
            var cells = Cells(r, unit);
            // Set as text: a title like "=1+1" stays what the submitter wrote.
            for (var c = 0; c < cells.Count; c++) sheet.Cell(line, c + 1).SetValue(cells[c]);
            line++;
        }
        sheet.SheetView.FreezeRows(1);
        // Widths from the text length: ClosedXML's own measuring needs System.Drawing, which Linux hosts lack.
        foreach (var column in sheet.ColumnsUsed())
            column.Width = Math.Clamp(column.CellsUsed().Max(c => c.GetString().Length) + 2, 8, 60);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
