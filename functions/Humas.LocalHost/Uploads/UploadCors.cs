using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Humas.LocalHost.Uploads;

/// <summary>
/// Lets the form's page PUT blocks to Azurite from the browser. In Azure the storage account's CORS rule comes
/// from the Bicep template; locally the host adds its own origin, keeping the rules other hosts on the same
/// Azurite added.
/// </summary>
internal static class UploadCors
{
    public static async Task AllowAsync(BlobServiceClient blobs, string publicBaseUrl, CancellationToken ct = default)
    {
        var origin = new Uri(publicBaseUrl).GetLeftPart(UriPartial.Authority);
        var properties = (await blobs.GetPropertiesAsync(ct)).Value;
        var rules = properties.Cors ?? [];
        if (rules.Any(r => r.AllowedOrigins.Split(',').Contains(origin, StringComparer.OrdinalIgnoreCase))) return;
        rules.Add(new BlobCorsRule
        {
            AllowedOrigins = origin, AllowedMethods = "PUT,OPTIONS", AllowedHeaders = "*", ExposedHeaders = "*", MaxAgeInSeconds = 3600,
        });
        properties.Cors = rules;
        await blobs.SetPropertiesAsync(properties, ct);
    }
}
