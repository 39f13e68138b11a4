using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.Integration.Tests.Hostile;

/// <summary>
/// The targets and registers routes, the staff list, exports, calendar and people, and every route asked with a method
/// it does not serve.
/// </summary>
public static partial class HostileCorpus
{
    private static IEnumerable<HostileCase> RegistersAndStaff()
    {
        // --- targets and the dashboard (no key needed: aggregate figures only) -------------------------------
        yield return Problem("targets-year-words", 400, "year", _ => Get("/api/targets/tahun-ini"));
        yield return Problem("targets-year-1999", 400, "year", _ => Get("/api/targets/1999"));
        yield return Problem("targets-year-2101", 400, "year", _ => Get("/api/targets/2101"));
        yield return Problem("targets-year-negative", 400, "year", _ => Get("/api/targets/-2026"));
        yield return Problem("targets-year-with-plus", 400, "year", _ => Get("/api/targets/+2026"));
        yield return Problem("targets-year-with-space", 400, "year", _ => Get("/api/targets/%202026"));
        yield return Problem("targets-year-past-int", 400, "year", _ => Get("/api/targets/99999999999999999999"));
        yield return Problem("targets-year-fullwidth-digits", 400, "year", _ => Get("/api/targets/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96"));
        yield return Problem("targets-year-markup", 400, "year", _ => Get("/api/targets/%3Cscript%3E"));
        yield return Problem("dashboard-year-words", 400, "year", _ => Get("/dashboard?year=tahun-ini"));
        yield return Problem("dashboard-year-3000", 400, "year", _ => Get("/dashboard?year=3000"));
        yield return Problem("dashboard-year-twice", 400, "year", _ => Get("/dashboard?year=2026&year=2027"));

        // --- the weekly summary ---------------------------------------------------------------------------------
        yield return Problem("summary-run-without-key", 401, null, _ => Post("/api/summaries/run", null));
        yield return Problem("summary-run-wrong-key", 401, null, _ => Keyed(Post("/api/summaries/run", null), "salah"));
        yield return Problem("summary-run-wrong-key-in-query", 401, null, _ => Post("/api/summaries/run?code=salah", null));

        // --- reach (the year's figures need no key; a run does) ------------------------------------------------
        yield return Problem("reach-run-without-key", 401, null, _ => Post("/api/reach/run", null));
        yield return Problem("reach-run-wrong-key", 401, null, _ => Keyed(Post("/api/reach/run", null), "salah"));
        yield return Problem("reach-run-wrong-key-in-query", 401, null, _ => Post("/api/reach/run?code=salah", null));
        yield return Problem("reach-year-words", 400, "year", _ => Get("/api/reach/tahun-ini"));
        yield return Problem("reach-year-run-asked-by-get", 400, "year", _ => Get("/api/reach/run"));
        yield return Problem("reach-year-1999", 400, "year", _ => Get("/api/reach/1999"));
        yield return Problem("reach-year-negative", 400, "year", _ => Get("/api/reach/-2026"));
        yield return Problem("reach-year-with-plus", 400, "year", _ => Get("/api/reach/+2026"));
        yield return Problem("reach-year-past-int", 400, "year", _ => Get("/api/reach/99999999999999999999"));
        yield return Problem("reach-year-fullwidth-digits", 400, "year", _ => Get("/api/reach/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96"));
        yield return Problem("reach-year-markup", 400, "year", _ => Get("/api/reach/%3Cscript%3E"));

        // --- communities register -------------------------------------------------------------------------------
        const string Communities = "/api/communities";
        yield return Problem("communities-list-without-key", 401, null, _ => Get(Communities));
        yield return Problem("community-without-key", 401, null, _ => Post(Communities, RawMultipart.Json(Community())));
        yield return Problem("community-wrong-key", 401, null, _ => Keyed(Post(Communities, RawMultipart.Json(Community())), "salah"));
        yield return Problem("community-not-json", 415, null, fx => Staff(fx, Post(Communities, Form(("name", "Kombel"), ("region", "3374")))));
        yield return Problem("community-malformed-json", 400, "body", fx => Staff(fx, Post(Communities, RawMultipart.Json("""{"name":"""))));
        yield return Problem("community-empty-body", 400, "body", fx => Staff(fx, Post(Communities, RawMultipart.Json(""))));
        yield return Problem("community-array", 400, "body", fx => Staff(fx, Post(Communities, RawMultipart.Json($"[{Community()}]"))));
        yield return Problem("community-json-null", 400, "body", fx => Staff(fx, Post(Communities, RawMultipart.Json("null"))));
        yield return Problem("community-invalid-utf8", 400, "body", fx => Staff(fx, Post(Communities,
            RawMultipart.Bytes([.. "{\"name\":\"Kombel "u8, 0xC3, 0x28, .. "\",\"region\":\"3374\",\"engagedOn\":\"2026-01-05\"}"u8], "application/json"))));
        yield return Problem("community-nested-200-deep", 400, "body", fx => Staff(fx, Post(Communities,
            RawMultipart.Json("{\"name\":" + new string('[', 200) + new string(']', 200) + "}"))));
        yield return Problem("community-over-64kb", 413, "body", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(notes: new string('n', 70_000))))));
        yield return Problem("community-without-name", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(name: null)))));
        yield return Problem("community-name-number", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(raw: ("name", "42"))))));
        yield return Problem("community-name-object", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(raw: ("name", """{"$ne":null}"""))))));
        yield return Problem("community-name-201-chars", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(name: new string('k', 201))))));
        yield return Problem("community-name-with-nul", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(name: "Kombel\0Guru")))));
        yield return Problem("community-name-with-crlf", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(name: "Kombel\r\nBcc: korban@example.org")))));
        yield return Problem("community-name-with-escape", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(name: "Kombel\u001b[31m")))));
        yield return Problem("community-name-punctuation-only", 400, "name", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(name: "!!! ...")))));
        yield return Problem("community-without-region", 400, "region", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(region: null)))));
        yield return Problem("community-region-unknown", 400, "region", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(region: "9999")))));
        yield return Problem("community-region-of-another-province", 400, "region", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(region: "3578")))));
        yield return Problem("community-team-unknown", 400, "team", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(raw: ("team", "\"tim-kerja-9\""))))));
        yield return Problem("community-engaged-on-missing", 400, "engagedOn", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(engagedOn: null)))));
        yield return Problem("community-engaged-on-future", 400, "engagedOn", fx => Staff(fx, Post(Communities,
            RawMultipart.Json(Community(engagedOn: DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"))))));
        yield return Problem("community-engaged-on-words", 400, "engagedOn", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(engagedOn: "kemarin")))));
        yield return Problem("community-engaged-on-february-30", 400, "engagedOn", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(engagedOn: "2026-02-30")))));
        yield return Problem("community-engaged-on-year-one", 400, "engagedOn", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(engagedOn: "0001-01-01")))));
        yield return Problem("community-engaged-on-with-time", 400, "engagedOn", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(engagedOn: "2026-01-05T10:00:00+07:00")))));
        yield return Problem("community-engaged-on-number", 400, "engagedOn", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(raw: ("engagedOn", "20260105"))))));
        yield return Problem("community-notes-2001-chars", 400, "notes", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(raw: ("notes", $"\"{new string('n', 2001)}\""))))));
        yield return Problem("community-contact-array", 400, "contact", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(raw: ("contact", """["a","b"]"""))))));
        yield return Problem("community-kind-with-bell", 400, "kind", fx => Staff(fx, Post(Communities, RawMultipart.Json(Community(raw: ("kind", "\"kombel\\u0007\""))))));

        // --- partner media register -----------------------------------------------------------------------------
        const string Media = "/api/partner-media";
        yield return Problem("partner-media-list-without-key", 401, null, _ => Get(Media));
        yield return Problem("partner-medium-without-key", 401, null, _ => Post(Media, RawMultipart.Json("""{"name":"Koran Uji","scope":"local"}""")));
        yield return Problem("partner-medium-not-json", 415, null, fx => Staff(fx, Post(Media, Form(("name", "Koran Uji"), ("scope", "local")))));
        yield return Problem("partner-medium-malformed-json", 400, "body", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran"""))));
        yield return Problem("partner-medium-without-name", 400, "name", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"scope":"local"}"""))));
        yield return Problem("partner-medium-name-punctuation-only", 400, "name", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"!!!","scope":"local"}"""))));
        yield return Problem("partner-medium-name-with-crlf", 400, "name", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran\r\nUji","scope":"local"}"""))));
        yield return Problem("partner-medium-without-scope", 400, "scope", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran Uji"}"""))));
        yield return Problem("partner-medium-scope-unknown", 400, "scope", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran Uji","scope":"galactic"}"""))));
        yield return Problem("partner-medium-scope-number", 400, "scope", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran Uji","scope":1}"""))));
        yield return Problem("partner-medium-region-unknown", 400, "region", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran Uji","scope":"local","region":"0000"}"""))));
        yield return Problem("partner-medium-url-javascript", 400, "url", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran Uji","scope":"local","url":"javascript:alert(1)"}"""))));
        yield return Problem("partner-medium-url-relative", 400, "url", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran Uji","scope":"local","url":"/berita"}"""))));
        yield return Problem("partner-medium-url-file", 400, "url", fx => Staff(fx, Post(Media, RawMultipart.Json("""{"name":"Koran Uji","scope":"local","url":"file:///etc/passwd"}"""))));
        yield return Problem("partner-medium-url-2001-chars", 400, "url", fx => Staff(fx, Post(Media,
            RawMultipart.Json($$"""{"name":"Koran Uji","scope":"local","url":"https://x.example/{{new string('u', 2000)}}"}"""))));

        // --- items a partner medium carried ----------------------------------------------------------------------
        yield return Problem("partner-item-without-key", 401, null, fx => Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item())));
        yield return Problem("partner-item-unknown-medium", 404, null, fx => Staff(fx, Post($"{Media}/koran-tak-ada/items", RawMultipart.Json(Item()))));
        yield return Problem("partner-item-medium-id-with-hash", 404, null, fx => Staff(fx, Post($"{Media}/a%23b/items", RawMultipart.Json(Item()))));
        yield return Problem("partner-item-medium-id-with-slash", 404, null, fx => Staff(fx, Post($"{Media}/a%2Fb/items", RawMultipart.Json(Item()))));
        yield return Problem("partner-item-medium-id-with-quote", 404, null, fx => Staff(fx, Post($"{Media}/x'%20or%20'1'%3D'1/items", RawMultipart.Json(Item()))));
        yield return Problem("partner-item-medium-id-with-control", 404, null, fx => Staff(fx, Post($"{Media}/a%01b/items", RawMultipart.Json(Item()))));
        yield return Problem("partner-item-medium-id-2000-chars", 404, null, fx => Staff(fx, Post($"{Media}/{new string('m', 2000)}/items", RawMultipart.Json(Item()))));
        yield return Problem("partner-item-not-json", 415, null, fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", Form(("title", "Berita"), ("url", "https://x.example/1")))));
        yield return Problem("partner-item-malformed-json", 400, "body", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json("""{"title":"""))));
        yield return Problem("partner-item-without-title", 400, "title", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(title: null)))));
        yield return Problem("partner-item-title-301-chars", 400, "title", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(title: new string('t', 301))))));
        yield return Problem("partner-item-title-with-nul", 400, "title", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(title: "Berita\0")))));
        yield return Problem("partner-item-without-url", 400, "url", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(url: null)))));
        yield return Problem("partner-item-url-javascript", 400, "url", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(url: "javascript:alert(1)")))));
        yield return Problem("partner-item-url-data", 400, "url", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(url: "data:text/html,<script>alert(1)</script>")))));
        yield return Problem("partner-item-published-future", 400, "publishedOn", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items",
            RawMultipart.Json(Item(publishedOn: DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"))))));
        yield return Problem("partner-item-published-year-one", 400, "publishedOn", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(publishedOn: "0001-01-01")))));
        yield return Problem("partner-item-published-words", 400, "publishedOn", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(publishedOn: "minggu lalu")))));
        yield return Problem("partner-item-submission-id-number", 400, "submissionId", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items", RawMultipart.Json(Item(raw: ("submissionId", "7"))))));
        yield return Problem("partner-item-submission-id-injection", 400, "submissionId", fx => Staff(fx, Post($"{Media}/{fx.MediumId}/items",
            RawMultipart.Json(Item(raw: ("submissionId", "\"x' or '1'='1\""))))));

        // --- the staff list -----------------------------------------------------------------------------------
        const string List = "/api/submissions";
        yield return Problem("list-without-key", 401, null, _ => Get(List));
        yield return Problem("list-wrong-key", 401, null, _ => Keyed(Get(List), "salah"));
        yield return Problem("list-status-unknown", 400, "status", fx => Staff(fx, Get($"{List}?status=Deleted")));
        yield return Problem("list-status-number", 400, "status", fx => Staff(fx, Get($"{List}?status=3")));
        yield return Problem("list-status-markup", 400, "status", fx => Staff(fx, Get($"{List}?status=%3Cscript%3E")));
        yield return Problem("list-stage-unknown", 400, "stage", fx => Staff(fx, Get($"{List}?stage=Printing")));
        yield return Problem("list-team-unknown", 400, "team", fx => Staff(fx, Get($"{List}?team=tim-kerja-9")));
        yield return Problem("list-region-unknown", 400, "region", fx => Staff(fx, Get($"{List}?region=9999")));
        yield return Problem("list-content-type-unknown", 400, "contentType", fx => Staff(fx, Get($"{List}?contentType=meme")));
        yield return Problem("list-track-unknown", 400, "track", fx => Staff(fx, Get($"{List}?track=secret")));
        yield return Problem("list-month-words", 400, "month", fx => Staff(fx, Get($"{List}?month=bulan-ini")));
        yield return Problem("list-month-13", 400, "month", fx => Staff(fx, Get($"{List}?month=2026-13")));
        yield return Problem("list-month-full-date", 400, "month", fx => Staff(fx, Get($"{List}?month=2026-01-05")));
        yield return Problem("list-month-year-one", 400, "month", fx => Staff(fx, Get($"{List}?month=0001-01")));
        yield return Problem("list-month-year-9999-with-status", 400, "month", fx => Staff(fx, Get($"{List}?status=Published&month=9999-12")));
        yield return Problem("list-month-year-one-with-status", 400, "month", fx => Staff(fx, Get($"{List}?status=InReview&month=0001-01")));
        yield return Problem("list-page-size-zero", 400, "pageSize", fx => Staff(fx, Get($"{List}?pageSize=0")));
        yield return Problem("list-page-size-negative", 400, "pageSize", fx => Staff(fx, Get($"{List}?pageSize=-1")));
        yield return Problem("list-page-size-501", 400, "pageSize", fx => Staff(fx, Get($"{List}?pageSize=501")));
        yield return Problem("list-page-size-words", 400, "pageSize", fx => Staff(fx, Get($"{List}?pageSize=semua")));
        yield return Problem("list-page-size-exponent", 400, "pageSize", fx => Staff(fx, Get($"{List}?pageSize=1e2")));
        yield return Problem("list-page-size-past-int", 400, "pageSize", fx => Staff(fx, Get($"{List}?pageSize=99999999999999999999")));
        yield return Problem("list-token-garbage", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken=!!!%25%25")));
        yield return Problem("list-token-without-version", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken={Base64Url("0000000000000000001-x")}")));
        yield return Problem("list-token-empty-key", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken={Base64Url("v1:")}")));
        yield return Problem("list-token-with-nul", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken={Base64Url("v1:\0")}")));
        yield return Problem("list-token-with-control", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken={Base64Url("v1:0\u0001\u007f")}")));
        yield return Problem("list-token-with-quote", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken={Base64Url("v1:x' or RowKey ne '")}")));
        yield return Problem("list-token-lone-surrogate-bytes", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken={WebEncoders.Base64UrlEncode([.. "v1:"u8, 0xED, 0xA0, 0x80])}")));
        yield return Problem("list-token-3000-chars", 400, "continuationToken", fx => Staff(fx, Get($"{List}?continuationToken={Base64Url("v1:" + new string('9', 3000))}")));
        yield return Problem("list-q-201-chars", 400, "q", fx => Staff(fx, Get($"{List}?q={new string('q', 201)}")));
        yield return Problem("list-waiting-for-201-chars", 400, "waitingFor", fx => Staff(fx, Get($"{List}?waitingFor={new string('w', 201)}")));

        // --- exports and the calendar --------------------------------------------------------------------------
        yield return Problem("export-without-key", 401, null, _ => Get("/api/exports/submissions/csv"));
        yield return Problem("export-format-unknown", 400, "format", fx => Staff(fx, Get("/api/exports/submissions/pdf")));
        yield return Problem("export-format-markup", 400, "format", fx => Staff(fx, Get("/api/exports/submissions/%3Cscript%3E")));
        yield return Problem("export-format-traversal", 400, "format", fx => Staff(fx, Get("/api/exports/submissions/..%2F..%2Fcsv")));
        yield return Problem("export-status-unknown", 400, "status", fx => Staff(fx, Get("/api/exports/submissions/csv?status=Deleted")));
        yield return Problem("export-month-year-9999-with-status", 400, "month", fx => Staff(fx, Get("/api/exports/submissions/xlsx?status=Published&month=9999-12")));
        yield return Problem("export-token-with-nul", 400, "continuationToken", fx => Staff(fx, Get($"/api/exports/submissions/csv?continuationToken={Base64Url("v1:\0")}")));
        yield return Problem("calendar-without-key", 401, null, _ => Get("/api/calendar/2026-01"));
        yield return Problem("calendar-month-words", 400, "month", fx => Staff(fx, Get("/api/calendar/bulan-ini")));
        yield return Problem("calendar-month-13", 400, "month", fx => Staff(fx, Get("/api/calendar/2026-13")));
        yield return Problem("calendar-month-full-date", 400, "month", fx => Staff(fx, Get("/api/calendar/2026-01-05")));
        yield return Problem("calendar-month-year-one", 400, "month", fx => Staff(fx, Get("/api/calendar/0001-01")));
        yield return Problem("calendar-month-year-9999", 400, "month", fx => Staff(fx, Get("/api/calendar/9999-12")));
        yield return Problem("calendar-month-markup", 400, "month", fx => Staff(fx, Get("/api/calendar/%3Cscript%3E")));

        // --- people -----------------------------------------------------------------------------------------------
        const string People = "/api/people";
        yield return Problem("people-without-key", 401, null, _ => Get(People));
        yield return Problem("people-put-without-key", 401, null, fx => Put(People, RawMultipart.Json(fx.PeopleBody)));
        yield return Problem("people-put-wrong-key", 401, null, fx => Keyed(Put(People, RawMultipart.Json(fx.PeopleBody)), "salah"));
        yield return Problem("people-put-not-json", 415, "body", fx => Staff(fx, Put(People, Form(("changedBy", "Uji")))));
        yield return Problem("people-put-malformed", 400, "body", fx => Staff(fx, Put(People, RawMultipart.Json("""{"people":["""))));
        yield return Problem("people-put-empty-body", 400, "body", fx => Staff(fx, Put(People, RawMultipart.Json(""))));
        yield return Problem("people-put-null", 400, "body", fx => Staff(fx, Put(People, RawMultipart.Json("null"))));
        yield return Problem("people-put-array", 400, "body", fx => Staff(fx, Put(People, RawMultipart.Json("[]"))));
        yield return Problem("people-put-invalid-utf8", 400, "body", fx => Staff(fx, Put(People,
            RawMultipart.Bytes([.. "{\"changedBy\":\"U"u8, 0xC3, 0x28, .. "\"}"u8], "application/json"))));
        yield return Problem("people-put-over-256kb", 413, "body", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["filler"] = new string('f', 300_000))))));
        yield return Problem("people-put-nested-200-deep", 400, "body", fx => Staff(fx, Put(People, RawMultipart.Json("{\"people\":" + new string('[', 200) + new string(']', 200) + "}"))));
        yield return Problem("people-put-empty-object", 400, "changedBy", fx => Staff(fx, Put(People, RawMultipart.Json("{}"))));
        yield return Problem("people-put-people-a-string", 400, "people", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"] = "semua")))));
        yield return Problem("people-put-people-empty", 400, "people", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"] = new JsonArray())))));
        yield return Problem("people-put-person-null", 400, "people[0]", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"]![0] = null)))));
        yield return Problem("people-put-person-a-number", 400, "people[0]", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"]![0] = 7)))));
        yield return Problem("people-put-key-upper-case", 400, "people[0].key", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["key"] = "KABAG")))));
        yield return Problem("people-put-key-with-quote", 400, "people[0].key", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["key"] = "x' or '1'='1")))));
        yield return Problem("people-put-key-twice", 400, "people[1].key", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["people"]![1]!["key"] = b["people"]![0]!["key"]!.GetValue<string>())))));
        yield return Problem("people-put-name-with-crlf", 400, "people[0].name", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["name"] = "Kabag\r\nBcc: korban@example.org")))));
        yield return Problem("people-put-name-with-nul", 400, "people[0].name", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["name"] = "Kabag\0")))));
        yield return Problem("people-put-title-with-escape", 400, "people[0].title", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["title"] = "Kabag\u001b]0;owned\u0007")))));
        yield return Problem("people-put-name-201-chars", 400, "people[0].name", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["name"] = new string('n', 201))))));
        yield return Problem("people-put-email-with-crlf", 400, "people[0].email", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["email"] = "kabag@example.org\r\nBcc: korban@example.org")))));
        yield return Problem("people-put-email-with-display-name", 400, "people[0].email", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["email"] = "Kabag <kabag@example.org>")))));
        yield return Problem("people-put-email-a-list", 400, "people[0].email", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["email"] = "a@example.org, b@example.org")))));
        yield return Problem("people-put-backup-unknown", 400, "people[0].backup", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["backup"] = "tidak-ada")))));
        yield return Problem("people-put-backup-self", 400, "people[0].backup", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["people"]![0]!["backup"] = b["people"]![0]!["key"]!.GetValue<string>())))));
        yield return Problem("people-put-201-people", 400, "people", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b =>
        {
            var people = b["people"]!.AsArray();
            for (var i = 0; i < 201; i++) people.Add(new JsonObject { ["key"] = $"orang-{i}", ["name"] = $"Orang {i}", ["title"] = "", ["email"] = $"orang{i}@example.org" });
        })))));
        yield return Problem("people-put-reviewers-empty", 400, "reviewers", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["reviewers"] = new JsonArray())))));
        yield return Problem("people-put-reviewer-unknown", 400, "reviewers", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["reviewers"] = new JsonArray("penyusup"))))));
        yield return Problem("people-put-reviewer-null", 400, "reviewers", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["reviewers"] = new JsonArray((JsonNode?)null))))));
        yield return Problem("people-put-reviewers-an-object", 400, "reviewers", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["reviewers"] = new JsonObject())))));
        yield return Problem("people-put-approvers-of-unknown-track", 400, "approvers.rahasia", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["approvers"]!["rahasia"] = b["reviewers"]!.DeepClone())))));
        yield return Problem("people-put-approvers-null-list", 400, "approvers.internal", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["approvers"]!["internal"] = null)))));
        yield return Problem("people-put-summary-recipient-not-email", 400, "summaryRecipients[0]", fx => Staff(fx, Put(People,
            RawMultipart.Json(PeopleWith(fx, b => b["summaryRecipients"] = new JsonArray("bukan alamat"))))));
        yield return Problem("people-put-version-text", 400, "version", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["version"] = "terbaru")))));
        yield return Problem("people-put-version-stale", 409, "version", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["version"] = -5)))));
        yield return Problem("people-put-changed-by-missing", 400, "changedBy", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b.Remove("changedBy"))))));
        yield return Problem("people-put-changed-by-201-chars", 400, "changedBy", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["changedBy"] = new string('c', 201))))));
        yield return Problem("people-put-changed-by-with-crlf", 400, "changedBy", fx => Staff(fx, Put(People, RawMultipart.Json(PeopleWith(fx, b => b["changedBy"] = "Uji\r\nBcc: korban@example.org")))));

        // --- working calendar -------------------------------------------------------------------------------------
        const string WorkingCalendar = "/api/working-calendar";
        yield return Problem("working-calendar-without-key", 401, null, _ => Get(WorkingCalendar));
        yield return Problem("working-calendar-put-without-key", 401, null, fx => Put(WorkingCalendar, RawMultipart.Json(CalendarWith(_ => { }))));
        yield return Problem("working-calendar-put-wrong-key", 401, null, fx => Keyed(Put(WorkingCalendar, RawMultipart.Json(CalendarWith(_ => { }))), "salah"));
        yield return Problem("working-calendar-put-not-json", 415, "body", fx => Staff(fx, Put(WorkingCalendar, Form(("changedBy", "Uji")))));
        yield return Problem("working-calendar-put-malformed", 400, "body", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json("""{"holidays":["""))));
        yield return Problem("working-calendar-put-null", 400, "body", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json("null"))));
        yield return Problem("working-calendar-put-over-256kb", 413, "body", fx => Staff(fx, Put(WorkingCalendar,
            RawMultipart.Json(CalendarWith(b => b["filler"] = new string('f', 300_000))))));
        yield return Problem("working-calendar-put-holidays-missing", 400, "holidays", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b.Remove("holidays"))))));
        yield return Problem("working-calendar-put-holidays-a-string", 400, "holidays", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"] = "semua")))));
        yield return Problem("working-calendar-put-holiday-null", 400, "holidays[0]", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0] = null)))));
        yield return Problem("working-calendar-put-date-feb-30", 400, "holidays[0].date", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["date"] = "2026-02-30")))));
        yield return Problem("working-calendar-put-date-words", 400, "holidays[0].date", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["date"] = "besok")))));
        yield return Problem("working-calendar-put-date-with-time", 400, "holidays[0].date", fx => Staff(fx, Put(WorkingCalendar,
            RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["date"] = "2026-12-25T00:00:00Z")))));
        yield return Problem("working-calendar-put-date-a-number", 400, "holidays[0].date", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["date"] = 20261225)))));
        yield return Problem("working-calendar-put-year-1999", 400, "holidays[0].date", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["date"] = "1999-12-25")))));
        yield return Problem("working-calendar-put-year-2101", 400, "holidays[0].date", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["date"] = "2101-12-25")))));
        yield return Problem("working-calendar-put-date-twice", 400, "holidays[1].date", fx => Staff(fx, Put(WorkingCalendar,
            RawMultipart.Json(CalendarWith(b => b["holidays"]!.AsArray().Add(new JsonObject { ["date"] = "2026-12-25", ["name"] = "Natal lagi" }))))));
        yield return Problem("working-calendar-put-name-empty", 400, "holidays[0].name", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["name"] = " ")))));
        yield return Problem("working-calendar-put-name-with-crlf", 400, "holidays[0].name", fx => Staff(fx, Put(WorkingCalendar,
            RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["name"] = "Natal\r\nBcc: korban@example.org")))));
        yield return Problem("working-calendar-put-name-201-chars", 400, "holidays[0].name", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["holidays"]![0]!["name"] = new string('n', 201))))));
        yield return Problem("working-calendar-put-1001-days", 400, "holidays", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b =>
        {
            var days = b["holidays"]!.AsArray();
            for (var i = 1; i <= 1000; i++) days.Add(new JsonObject { ["date"] = new DateOnly(2030, 1, 1).AddDays(i).ToString("yyyy-MM-dd"), ["name"] = "Libur" });
        })))));
        yield return Problem("working-calendar-put-version-text", 400, "version", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["version"] = "terbaru")))));
        yield return Problem("working-calendar-put-version-stale", 409, "version", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b["version"] = -5)))));
        yield return Problem("working-calendar-put-changed-by-missing", 400, "changedBy", fx => Staff(fx, Put(WorkingCalendar, RawMultipart.Json(CalendarWith(b => b.Remove("changedBy"))))));

        // --- the consent register -----------------------------------------------------------------------------------
        const string Consents = "/api/consents";
        const string ConsentOk = """{"person":"Ananda","guardian":"Ibu Sari","schoolOrEvent":"SD 1","signedOn":"2026-01-05","validUntil":"2027-01-05"}""";
        static string ConsentWith(string field, string value) =>
            System.Text.RegularExpressions.Regex.Replace(ConsentOk, $"\"{field}\":\"[^\"]*\"", $"\"{field}\":{value}");
        yield return Problem("consents-list-without-key", 401, null, _ => Get(Consents));
        yield return Problem("consents-list-wrong-key", 401, null, _ => Keyed(Get(Consents), "salah"));
        yield return Problem("consent-without-key", 401, null, _ => Post(Consents, RawMultipart.Json(ConsentOk)));
        yield return Problem("consent-wrong-key", 401, null, _ => Keyed(Post(Consents, RawMultipart.Json(ConsentOk)), "salah"));
        yield return Problem("consent-malformed-json", 400, "body", fx => Staff(fx, Post(Consents, RawMultipart.Json("""{"person":"""))));
        yield return Problem("consent-array", 400, "body", fx => Staff(fx, Post(Consents, RawMultipart.Json($"[{ConsentOk}]"))));
        yield return Problem("consent-invalid-utf8", 400, "body", fx => Staff(fx, Post(Consents,
            RawMultipart.Bytes([.. "{\"person\":\"Anan "u8, 0xC3, 0x28, .. "\"}"u8], "application/json"))));
        yield return Problem("consent-over-64kb", 413, "body", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("person", $"\"{new string('p', 70_000)}\"")))));
        yield return Problem("consent-without-person", 400, "person", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("person", "null")))));
        yield return Problem("consent-person-number", 400, "person", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("person", "42")))));
        yield return Problem("consent-person-201-chars", 400, "person", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("person", $"\"{new string('p', 201)}\"")))));
        yield return Problem("consent-guardian-with-crlf", 400, "guardian", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("guardian", "\"Ibu\\r\\nBcc: x@example.org\"")))));
        yield return Problem("consent-school-with-nul", 400, "schoolOrEvent", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("schoolOrEvent", "\"SD\\u0000 1\"")))));
        yield return Problem("consent-signed-on-words", 400, "signedOn", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("signedOn", "\"kemarin\"")))));
        yield return Problem("consent-signed-on-future", 400, "signedOn", fx => Staff(fx, Post(Consents,
            RawMultipart.Json(ConsentWith("signedOn", $"\"{DateTime.UtcNow.AddDays(3):yyyy-MM-dd}\"")))));
        yield return Problem("consent-signed-on-february-30", 400, "signedOn", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("signedOn", "\"2026-02-30\"")))));
        yield return Problem("consent-valid-until-before-signed", 400, "validUntil", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("validUntil", "\"2025-12-31\"")))));
        yield return Problem("consent-valid-until-missing", 400, "validUntil", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentWith("validUntil", "null")))));
        yield return Problem("consent-document-in-json", 400, "document", fx => Staff(fx, Post(Consents, RawMultipart.Json(ConsentOk.TrimEnd('}') + ",\"document\":\"JVBERi0=\"}"))));
        static HttpContent ConsentForm(string name, string type, byte[] bytes, string field = "document") => new RawMultipart()
            .Fields(new Dictionary<string, string> { ["person"] = "Ananda", ["guardian"] = "Ibu Sari", ["schoolOrEvent"] = "SD 1", ["signedOn"] = "2026-01-05", ["validUntil"] = "2027-01-05" })
            .File(name, type, bytes, field).Close().Content();
        yield return Problem("register-document-exe", 400, "document", fx => Staff(fx, Post(Consents, ConsentForm("izin.exe", "application/octet-stream", [0x4D, 0x5A, 0, 0]))));
        yield return Problem("register-document-html-as-pdf", 400, "document", fx => Staff(fx, Post(Consents, ConsentForm("izin.pdf", "application/pdf", "<html><script>alert(1)</script></html>"u8.ToArray()))));
        yield return Problem("register-document-empty", 400, "document", fx => Staff(fx, Post(Consents, ConsentForm("izin.pdf", "application/pdf", []))));
        yield return Problem("register-document-traversal-name", 400, "document", fx => Staff(fx, Post(Consents, ConsentForm("../../izin.pdf", "application/pdf", "%PDF-1.7\n%%EOF"u8.ToArray()))));
        yield return Problem("register-document-other-field", 400, "media", fx => Staff(fx, Post(Consents, ConsentForm("izin.pdf", "application/pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), field: "media"))));
        yield return Problem("consent-withdraw-without-key", 401, null, _ => Post($"{Consents}/c-20260101-0000000000/withdraw", Form(("reason", "x"))));
        yield return Problem("consent-withdraw-unknown", 404, null, fx => Staff(fx, Post($"{Consents}/c-20260101-0000000000/withdraw", Form(("reason", "x")))));
        yield return Problem("consent-withdraw-id-with-quote", 404, null, fx => Staff(fx, Post($"{Consents}/x'%20or%20'1'%3D'1/withdraw", Form(("reason", "x")))));
        yield return Problem("consent-withdraw-id-2000-chars", 404, null, fx => Staff(fx, Post($"{Consents}/{new string('c', 2000)}/withdraw", Form(("reason", "x")))));
        yield return Problem("consent-withdraw-reason-2001-chars", 400, "reason", fx => Staff(fx, Post($"{Consents}/c-20260101-0000000000/withdraw", Form(("reason", new string('r', 2001))))));
        yield return Problem("consent-withdraw-reason-with-nul", 400, "reason", fx => Staff(fx, Post($"{Consents}/c-20260101-0000000000/withdraw", RawMultipart.Json("""{"reason":"cabut\u0000"}"""))));
        yield return Problem("consent-withdraw-reason-number", 400, "reason", fx => Staff(fx, Post($"{Consents}/c-20260101-0000000000/withdraw", RawMultipart.Json("""{"reason":5}"""))));

        // --- takedown ------------------------------------------------------------------------------------------------
        yield return Problem("takedown-without-key", 401, null, fx => Post($"/api/submissions/{fx.InReview.Id}/takedown", Form(("reason", "x"))));
        yield return Problem("takedown-wrong-key", 401, null, fx => Keyed(Post($"/api/submissions/{fx.InReview.Id}/takedown", Form(("reason", "x"))), "salah"));
        yield return Problem("takedown-without-reason", 400, "reason", fx => Staff(fx, Post($"/api/submissions/{fx.InReview.Id}/takedown", Form(("reason", "  ")))));
        yield return Problem("takedown-reason-2001-chars", 400, "reason", fx => Staff(fx, Post($"/api/submissions/{fx.InReview.Id}/takedown", Form(("reason", new string('r', 2001))))));
        yield return Problem("takedown-reason-with-escape", 400, "reason", fx => Staff(fx, Post($"/api/submissions/{fx.InReview.Id}/takedown", Form(("reason", "turun\u001b[31m")))));
        yield return Problem("takedown-reason-array", 400, "reason", fx => Staff(fx, Post($"/api/submissions/{fx.InReview.Id}/takedown", RawMultipart.Json("""{"reason":["a"]}"""))));
        yield return Problem("takedown-malformed-json", 400, "body", fx => Staff(fx, Post($"/api/submissions/{fx.InReview.Id}/takedown", RawMultipart.Json("""{"reason":"""))));
        yield return Problem("takedown-unknown", 404, null, fx => Staff(fx, Post("/api/submissions/20260101-0000000000/takedown", Form(("reason", "x")))));
        yield return Problem("takedown-id-with-quote", 404, null, fx => Staff(fx, Post("/api/submissions/x'%20or%20'1'%3D'1/takedown", Form(("reason", "x")))));
        yield return Problem("takedown-not-published", 409, null, fx => Staff(fx, Post($"/api/submissions/{fx.InReview.Id}/takedown", Form(("reason", "x")))));

        // --- methods a route does not serve ------------------------------------------------------------------------
        foreach (var (method, path) in new (string, string)[]
        {
            ("POST", "/published"), ("POST", "/feed.atom"), ("DELETE", "/api/published"), ("POST", "/api/health"), ("PUT", "/assets/form.js"),
            ("POST", "/dashboard"), ("POST", "/api/targets/2026"), ("GET", "/api/summaries/run"), ("GET", "/api/uploads"), ("POST", "/staff"),
            ("DELETE", "/api/people"), ("POST", "/api/people"), ("PUT", "/api/communities"), ("DELETE", "/api/partner-media"),
            ("GET", "/api/partner-media/warta-jateng-uji/items"), ("POST", "/api/calendar/2026-01"), ("POST", "/api/exports/submissions/csv"),
            ("DELETE", "/"), ("POST", "/api/working-calendar"), ("DELETE", "/api/working-calendar"), ("POST", "/api/reach/2026"), ("DELETE", "/api/reach/run"),
            ("DELETE", "/api/consents"), ("GET", "/api/consents/c-20260101-0000000000/withdraw"), ("GET", "/api/submissions/20260101-0000000000/takedown"),
        })
        {
            var route = path.Trim('/').Replace('/', '-').Replace('.', '-');
            yield return Problem($"method-{method.ToLowerInvariant()}-on-{(route.Length > 0 ? route : "form")}", 405, null,
                fx => Staff(fx, new HttpRequestMessage(new HttpMethod(method), path)));
        }
    }

    private static HostileCase Problem(string name, int status, string? field, Func<HostileFixture, HttpRequestMessage> build) =>
        new(name, status, Answer.Problem, field, build);

    private static HttpRequestMessage Put(string path, HttpContent? content) => new(HttpMethod.Put, path) { Content = content };

    private static string Base64Url(string text) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(text));

    /// <summary>A community that would be accepted, with one part changed: a value, a null to leave it out, or a raw JSON value.</summary>
    private static string Community(string? name = "Kombel Guru Semarang Uji", string? region = "3374", string? engagedOn = "2026-01-05",
        string? notes = null, (string Field, string Json)? raw = null)
    {
        var o = new JsonObject();
        if (name is not null) o["name"] = name;
        if (region is not null) o["region"] = region;
        if (engagedOn is not null) o["engagedOn"] = engagedOn;
        if (notes is not null) o["notes"] = notes;
        if (raw is { } r) o[r.Field] = JsonNode.Parse(r.Json);
        return o.ToJsonString();
    }

    /// <summary>An item the seeded medium carried, with one part changed as in <see cref="Community"/>.</summary>
    private static string Item(string? title = "Berita uji", string? url = "https://warta.example/berita/1", string? publishedOn = "2026-01-05",
        (string Field, string Json)? raw = null)
    {
        var o = new JsonObject();
        if (title is not null) o["title"] = title;
        if (url is not null) o["url"] = url;
        if (publishedOn is not null) o["publishedOn"] = publishedOn;
        if (raw is { } r) o[r.Field] = JsonNode.Parse(r.Json);
        return o.ToJsonString();
    }

    private static string PeopleWith(HostileFixture fx, Action<JsonObject> change)
    {
        var body = JsonNode.Parse(fx.PeopleBody)!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    /// <summary>A PUT /api/working-calendar body that would be accepted while nothing is stored; cases break one part.</summary>
    private static string CalendarWith(Action<JsonObject> change)
    {
        var body = new JsonObject
        {
            ["version"] = 0, ["changedBy"] = "Uji",
            ["holidays"] = new JsonArray(new JsonObject { ["date"] = "2026-12-25", ["name"] = "Hari Raya Natal" }),
        };
        change(body);
        return body.ToJsonString();
    }
}
