using System.Net;
using OpenOrders.Api.Webhooks;
using Scope = OpenOrders.Api.Webhooks.AddressScope;

namespace OpenOrders.Api.Tests.Webhooks;

/// <summary>Every kind of address a callback could name, and how far away the policy takes it to be.</summary>
public sealed class CallbackAddressTests
{
    [Theory]
    [InlineData("93.184.216.34", Scope.Public)]
    [InlineData("8.8.8.8", Scope.Public)]
    [InlineData("2606:4700::6810:84e5", Scope.Public)]
    [InlineData("2a00:1450:4001:80b::200e", Scope.Public)]
    [InlineData("2620:4f:8000::1", Scope.Public)]                           // AS112 direct delegation: reachable
    [InlineData("::ffff:8.8.8.8", Scope.Public)]                            // mapped, public inside
    [InlineData("64:ff9b::8.8.8.8", Scope.Public)]                          // NAT64 to a public address
    [InlineData("2002:808:808::1", Scope.Public)]                           // 6to4 of 8.8.8.8
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7", Scope.Public)]      // Teredo: server and client public
    [InlineData("127.0.0.1", Scope.Loopback)]
    [InlineData("127.1.2.3", Scope.Loopback)]
    [InlineData("::1", Scope.Loopback)]
    [InlineData("::ffff:127.0.0.1", Scope.Loopback)]
    [InlineData("::127.0.0.1", Scope.Loopback)]                             // IPv4-compatible
    [InlineData("::ffff:0:127.0.0.1", Scope.Loopback)]                      // IPv4-translated (SIIT)
    [InlineData("64:ff9b::127.0.0.1", Scope.Loopback)]                      // NAT64
    [InlineData("2002:7f00:1::", Scope.Loopback)]                           // 6to4
    [InlineData("2001:0:4136:e378::80ff:fffe", Scope.Loopback)]             // Teredo client 127.0.0.1
    [InlineData("10.1.2.3", Scope.Internal)]
    [InlineData("172.20.0.1", Scope.Internal)]
    [InlineData("192.168.1.1", Scope.Internal)]
    [InlineData("169.254.169.254", Scope.Internal)]
    [InlineData("100.64.0.1", Scope.Internal)]
    [InlineData("0.0.0.0", Scope.Internal)]
    [InlineData("192.0.2.1", Scope.Internal)]
    [InlineData("224.0.0.1", Scope.Internal)]
    [InlineData("255.255.255.255", Scope.Internal)]
    [InlineData("::", Scope.Internal)]
    [InlineData("::ffff:10.0.0.1", Scope.Internal)]
    [InlineData("::10.0.0.1", Scope.Internal)]
    [InlineData("::0.0.0.2", Scope.Internal)]
    [InlineData("::ffff:0:169.254.169.254", Scope.Internal)]
    [InlineData("64:ff9b::a9fe:a9fe", Scope.Internal)]                      // NAT64 to the cloud metadata service
    [InlineData("64:ff9b::a00:1", Scope.Internal)]
    [InlineData("64:ff9b:1::a00:1", Scope.Internal)]                        // local-use NAT64: refused whole
    [InlineData("64:ff9b:1::808:808", Scope.Internal)]
    [InlineData("2002:a9fe:a9fe::", Scope.Internal)]
    [InlineData("2002:a00:1::", Scope.Internal)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", Scope.Internal)]    // RFC 4380's example: client 192.0.2.45
    [InlineData("2001:0:a00:1::f7f7:f7f7", Scope.Internal)]                 // Teredo server 10.0.0.1
    [InlineData("::ffff:1:7f00:1", Scope.Internal)]                         // no known form: not global unicast
    [InlineData("64:ff9b:2::7f00:1", Scope.Internal)]
    [InlineData("100::1", Scope.Internal)]                                  // discard only
    [InlineData("2001:2::1", Scope.Internal)]                               // benchmarking
    [InlineData("2001:10::1", Scope.Internal)]                              // ORCHID
    [InlineData("2001:20::1", Scope.Internal)]                              // ORCHIDv2
    [InlineData("2001:db8::1", Scope.Internal)]                             // documentation
    [InlineData("3fff::1", Scope.Internal)]                                 // documentation
    [InlineData("5f00::1", Scope.Internal)]                                 // SRv6
    [InlineData("4000::1", Scope.Internal)]                                 // not allocated
    [InlineData("fd00::1", Scope.Internal)]
    [InlineData("fc00::1", Scope.Internal)]
    [InlineData("fe80::1", Scope.Internal)]
    [InlineData("fe80::1%2", Scope.Internal)]
    [InlineData("fec0::1", Scope.Internal)]
    [InlineData("ff02::1", Scope.Internal)]
    public void Each_address_is_judged_by_where_its_packets_can_end_up(string address, Scope scope) =>
        Assert.Equal(scope, CallbackAddresses.ScopeOf(IPAddress.Parse(address)));
}
