using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenOrders.Api.Hosting;

public static class JsonSetup
{
    /// <summary>The one JSON shape of the API: camelCase out, any case in, enums by name, numbers strict.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        // The guide itself writes "OrderType" and "FirstChoiceStartmomentId": names match whatever their case.
        json.PropertyNameCaseInsensitive = true;
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        json.Converters.Add(new NormalisedDecimalConverter());
        json.NumberHandling = JsonNumberHandling.Strict;
    }

    /// <summary>
    /// Writes 495 rather than 495.0 or 495.0000: the scale a decimal carries depends on the database it came from
    /// (SQLite text, PostgreSQL numeric), and clients should see the same number either way.
    /// </summary>
    private sealed class NormalisedDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.000000000000000000000000000000000m);
    }
}
