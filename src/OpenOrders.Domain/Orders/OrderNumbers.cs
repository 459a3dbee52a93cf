namespace OpenOrders.Domain.Orders;

/// <summary>
/// Order numbers are eight digits (10 000 000 to 99 999 999), unique by construction: the n-th order of a
/// database gets a keyed permutation of n, so numbers never clash and never need a retry, yet do not reveal how
/// many orders there are or follow each other. A four-round Feistel network on 28 bits is a bijection; values
/// outside the 90 million are walked on through the permutation until they land inside (cycle walking), which
/// keeps it a bijection on exactly the range.
/// </summary>
public static class OrderNumbers
{
    public const int First = 10_000_000;
    public const int Count = 90_000_000;

    private const int HalfBits = 14;
    private const uint HalfMask = (1u << HalfBits) - 1;
    private static readonly uint[] Keys = [0x9E3779B9, 0x7F4A7C15, 0xF39CC060, 0x5CEDC834];

    /// <summary>The number for the n-th order (0-based).</summary>
    public static int ForSequence(long n)
    {
        if (n is < 0 or >= Count)
            throw new InvalidOperationException(
                $"All {Count:N0} order numbers are used; order number {n} is out of range.");
        var value = (uint)n;
        do value = Permute(value); while (value >= Count);
        return First + (int)value;
    }

    /// <summary>Which sequence position a number came from; the inverse of <see cref="ForSequence"/>.</summary>
    public static long SequenceOf(int orderNumber)
    {
        if (orderNumber is < First or >= First + Count) throw new ArgumentOutOfRangeException(nameof(orderNumber));
        var value = (uint)(orderNumber - First);
        do value = Unpermute(value); while (value >= Count);
        return value;
    }

    private static uint Permute(uint value)
    {
        uint left = value >> HalfBits, right = value & HalfMask;
        foreach (var key in Keys) (left, right) = (right, left ^ Round(right, key));
        return (left << HalfBits) | right;
    }

    private static uint Unpermute(uint value)
    {
        uint left = value >> HalfBits, right = value & HalfMask;
        for (var i = Keys.Length - 1; i >= 0; i--) (left, right) = (right ^ Round(left, Keys[i]), left);
        return (left << HalfBits) | right;
    }

    private static uint Round(uint half, uint key)
    {
        var x = (half ^ key) * 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        x ^= x >> 16;
        return x & HalfMask;
    }
}
