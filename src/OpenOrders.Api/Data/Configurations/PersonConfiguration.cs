using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Api.People;

namespace OpenOrders.Api.Data.Configurations;

/// <summary>Identity's tables under the marketplace's names: a person is not a "user" of an API.</summary>
internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("People");
        person.Property(p => p.InvitedBy).HasMaxLength(320);
        person.HasIndex(p => new { p.Role, p.TenantId });
        person.Property(p => p.Language).HasMaxLength(2);
    }
}

internal sealed class PersonClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> claim) => claim.ToTable("PersonClaims");
}

internal sealed class PersonLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> login) => login.ToTable("PersonLogins");
}

internal sealed class PersonTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> token) => token.ToTable("PersonTokens");
}

/// <summary>
/// The data-protection key ring (cookies, antiforgery, invitation links) lives in the database, shared by all
/// instances.
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key) => key.ToTable("DataProtectionKeys");
}
