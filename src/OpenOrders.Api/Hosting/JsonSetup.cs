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
        json.Converters.Add(new TextWithoutNul());
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

    /// <summary>
    /// Text may hold anything but U+0000: PostgreSQL cannot store it, and no name or reference needs it. Refused at the
    /// door, with the property named, on both databases alike.
    /// </summary>
    public sealed class TextWithoutNul : JsonConverter<string>
    {
        public const string Refusal = "Must not contain the character U+0000 (NUL).";

        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException(); // the usual "wrong type" answer
            var text = reader.GetString()!;
            return text.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(Refusal) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
