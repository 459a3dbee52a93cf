using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OpenOrders.Api.Webhooks;

/// <summary>How far away an address is, for <see cref="CallbackUrlPolicy"/>.</summary>
public enum AddressScope { Public, Loopback, Internal }

/// <summary>
/// Which addresses a callback may reach. An IPv6 address that carries an IPv4 address (mapped, compatible,
/// translated, NAT64, 6to4, Teredo) is judged by the IPv4 address it carries, because that is where its packets
/// can end up; of the rest of IPv6 only global unicast (2000::/3) outside the special-purpose ranges of the IANA
/// registry that are not globally reachable is public. The table below is the rule; CallbackAddressTests lists
/// addresses of every row with their verdict.
/// </summary>
public static class CallbackAddresses
{
    /// <summary>The IPv4 address(es) an IPv6 address of a range carries.</summary>
    private delegate IEnumerable<IPAddress> Carried(byte[] ipv6);

    /// <summary>IPv6 ranges, the first that contains the address decides. Beyond them: 2000::/3 is public.</summary>
    private static readonly (Prefix Range, AddressScope? Scope, Carried? Carries)[] Ipv6Ranges =
    [
        (Net("::1/128"), AddressScope.Loopback, null),
        (Net("::/128"), AddressScope.Internal, null),                   // unspecified
        (Net("::ffff:0:0/96"), null, Last32),                           // IPv4-mapped
        (Net("::ffff:0:0:0/96"), null, Last32),                         // IPv4-translated (SIIT)
        (Net("::/96"), null, Last32),                                   // IPv4-compatible: old, still tunnelled
        (Net("64:ff9b::/96"), null, Last32),                            // NAT64, well-known prefix
        // Local-use NAT64: where the IPv4 address sits depends on the operator's prefix length (RFC 6052 allows
        // six), and the range is not globally reachable anyway.
        (Net("64:ff9b:1::/48"), AddressScope.Internal, null),
        (Net("2002::/16"), null, SixToFour),
        (Net("2001::/32"), null, Teredo),
        // The rest of the IETF protocol assignments (benchmarking, ORCHID, AMT, AS112, protocol anycast):
        // no callback receiver lives there.
        (Net("2001::/23"), AddressScope.Internal, null),
        (Net("2001:db8::/32"), AddressScope.Internal, null),            // documentation
        (Net("3fff::/20"), AddressScope.Internal, null),                // documentation
        // Outside 2000::/3, so refused anyway; named here so the table reads as the registry does.
        (Net("100::/64"), AddressScope.Internal, null),                 // discard only
        (Net("5f00::/16"), AddressScope.Internal, null),                // SRv6 segment identifiers
        (Net("fc00::/7"), AddressScope.Internal, null),                 // unique local
        (Net("fe80::/10"), AddressScope.Internal, null),                // link-local
        (Net("fec0::/10"), AddressScope.Internal, null),                // site-local (deprecated)
        (Net("ff00::/8"), AddressScope.Internal, null),                 // multicast
    ];

    private static readonly Prefix GlobalUnicast = Net("2000::/3");

    public static AddressScope ScopeOf(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return ScopeOfIpv4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return AddressScope.Internal;
        var bytes = address.GetAddressBytes();
        foreach (var (range, scope, carries) in Ipv6Ranges)
        {
            if (!range.Contains(bytes)) continue;
            if (scope is { } decided) return decided;
            // The widest of what it carries: a Teredo address is as internal as its server or its client.
            return carries!(bytes).Select(ScopeOf).Max();
        }
        return GlobalUnicast.Contains(bytes) ? AddressScope.Public : AddressScope.Internal;
    }

    /// <summary>The IANA IPv4 special-purpose ranges that are not globally reachable, and multicast.</summary>
    private static AddressScope ScopeOfIpv4(byte[] b) => b[0] switch
    {
        127 => AddressScope.Loopback,
        0 or 10 => AddressScope.Internal,
        100 when b[1] is >= 64 and < 128 => AddressScope.Internal,        // carrier-grade NAT
        169 when b[1] == 254 => AddressScope.Internal,                    // link-local, cloud metadata
        172 when b[1] is >= 16 and < 32 => AddressScope.Internal,
        192 when b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2) => AddressScope.Internal,
        198 when b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100) => AddressScope.Internal,
        203 when b[1] == 0 && b[2] == 113 => AddressScope.Internal,
        >= 224 => AddressScope.Internal,                                  // multicast, reserved, broadcast
        _ => AddressScope.Public,
    };

    private static IEnumerable<IPAddress> Last32(byte[] a) => [new IPAddress(a[12..16])];

    /// <summary>2002:AABB:CCDD::/48 carries AA.BB.CC.DD (bits 16 to 48).</summary>
    private static IEnumerable<IPAddress> SixToFour(byte[] a) => [new IPAddress(a[2..6])];

    /// <summary>Bits 32 to 64 are the Teredo server; the last 32, inverted, the client (RFC 4380).</summary>
    private static IEnumerable<IPAddress> Teredo(byte[] a) =>
        [new IPAddress(a[4..8]), new IPAddress(a[12..16].Select(x => (byte)~x).ToArray())];

    private static Prefix Net(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return new Prefix(IPAddress.Parse(cidr[..slash]).GetAddressBytes(),
            int.Parse(cidr[(slash + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The first bits of an address. (System.Net.IPNetwork is not used: in .NET 10 its Contains gets IPv4-mapped
    /// addresses wrong, e.g. ::ffff:10.0.0.1 is "in" 2000::/3 and not in ::ffff:0:0/96.)
    /// </summary>
    private readonly record struct Prefix(byte[] Bytes, int Length)
    {
        public bool Contains(byte[] address)
        {
            if (address.Length != Bytes.Length) return false;
            for (var bit = 0; bit < Length; bit += 8)
            {
                var mask = Length - bit >= 8 ? 0xFF : (0xFF << (8 - (Length - bit))) & 0xFF;
                if ((address[bit / 8] & mask) != (Bytes[bit / 8] & mask)) return false;
            }
            return true;
        }
    }
}
