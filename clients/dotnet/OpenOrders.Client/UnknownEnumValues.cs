using Microsoft.Kiota.Abstractions.Serialization;

namespace OpenOrders.Client;

/// <summary>
/// Enum values this version of the client does not know. The document says our enums may grow, and Kiota's reader
/// turns a value missing from the generated enum into null. clients/generate makes every enum property's reader call
/// <see cref="Read{T}"/> instead: a known value is typed as before; an unknown one leaves the typed property null and
/// is kept, exactly as sent, in the model's <c>AdditionalData</c> under the property's JSON name (Kiota's place for
/// what the document does not describe, and written back from there when the model is sent). Its writer calls
/// <see cref="Write{T}"/>, so that a value set since replaces the one kept instead of being written beside it.
/// </summary>
public static class UnknownEnumValues
{
    /// <summary>
    /// The value of an enum property that this client does not know, as the service sent it; the typed property is
    /// null then. <c>order.UnknownValue("status")</c>, with the property's JSON name. Null when the value was known or
    /// absent.
    /// </summary>
    public static string? UnknownValue(this IAdditionalDataHolder model, string property) =>
        model.AdditionalData.TryGetValue(property, out var value) ? value as string : null;

    /// <summary>
    /// All values of an enum list holding one that this client does not know, as sent and in order (the typed list
    /// has null in the unknown ones' places): <c>problem.UnknownValues("allowedStatuses")</c>. Null when every value
    /// was known.
    /// </summary>
    public static IReadOnlyList<string>? UnknownValues(this IAdditionalDataHolder model, string property) =>
        model.AdditionalData.TryGetValue(property, out var value) ? value as IReadOnlyList<string> : null;

    /// <summary>Kiota's enum reader, keeping a value it cannot type (called by the generated models).</summary>
    internal static T? Read<T>(IParseNode node, IAdditionalDataHolder model, string property) where T : struct, Enum
    {
        var value = node.GetEnumValue<T>();
        if (value is null && node.GetStringValue() is { Length: > 0 } text) model.AdditionalData[property] = text;
        return value;
    }

    /// <summary>Kiota's enum list reader, keeping the list as sent when it holds a value it cannot type.</summary>
    internal static IEnumerable<T?>? ReadCollection<T>(IParseNode node, IAdditionalDataHolder model, string property)
        where T : struct, Enum
    {
        var values = node.GetCollectionOfEnumValues<T>()?.ToList();
        if (values is not null && values.Contains(null))
            model.AdditionalData[property] =
                node.GetCollectionOfPrimitiveValues<string>().Select(text => text ?? "").ToList();
        return values;
    }

    /// <summary>Kiota's enum writer: a value set replaces the one kept (written after it, the kept one would win).
    /// </summary>
    internal static void Write<T>(ISerializationWriter writer, IAdditionalDataHolder model, string property, T? value)
        where T : struct, Enum
    {
        if (value is not null) model.AdditionalData.Remove(property);
        writer.WriteEnumValue(property, value);
    }

    /// <summary>
    /// Kiota's enum list writer: a list of known values replaces the one kept; a list with gaps leaves it to be
    /// written as it was read.
    /// </summary>
    internal static void WriteCollection<T>(ISerializationWriter writer, IAdditionalDataHolder model, string property,
        IEnumerable<T?>? values) where T : struct, Enum
    {
        if (values is not null && !values.Contains(null)) model.AdditionalData.Remove(property);
        if (!model.AdditionalData.ContainsKey(property)) writer.WriteCollectionOfEnumValues(property, values);
    }
}
