using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Api.Auth;

namespace OpenOrders.Api.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> client)
    {
        client.HasKey(c => c.ClientId);
        client.Property(c => c.ClientId).HasMaxLength(100);
        client.Property(c => c.Name).HasMaxLength(200);
        client.Property(c => c.SecretHash).HasMaxLength(200);
    }
}
