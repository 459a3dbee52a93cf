using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Domain.Catalog;

namespace OpenOrders.Api.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).ValueGeneratedNever();
        account.Property(a => a.Name).HasMaxLength(200);
        account.Property(a => a.Language).HasMaxLength(2);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> provider)
    {
        provider.HasKey(p => p.Id);
        provider.Property(p => p.Id).ValueGeneratedNever();
        provider.Property(p => p.Name).HasMaxLength(200);
        provider.Property(p => p.Language).HasMaxLength(2);
        provider.OwnsMany(p => p.LegalCompanies, company =>
        {
            company.ToTable("LegalCompanies");
            company.WithOwner().HasForeignKey("ProviderId");
            company.HasKey(c => c.Id);
            company.Property(c => c.Id).ValueGeneratedNever();
            company.Property(c => c.Name).HasMaxLength(200);
            company.Property(c => c.VatNumber).HasMaxLength(20);
        });
        provider.Navigation(p => p.LegalCompanies).AutoInclude();
    }
}

internal sealed class AssortmentConfiguration : IEntityTypeConfiguration<Assortment>
{
    public void Configure(EntityTypeBuilder<Assortment> assortment)
    {
        assortment.HasKey(a => a.Id);
        assortment.Property(a => a.Id).ValueGeneratedNever();
        assortment.Property(a => a.Name).HasMaxLength(200);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.HasKey(p => p.Id);
        product.Property(p => p.Id).ValueGeneratedNever();
        product.HasIndex(p => p.ProviderId);
        product.Property(p => p.Name).HasMaxLength(300);
        product.Property(p => p.ProductType).HasMaxLength(100);
        product.Property(p => p.ProductTypeDisplayValue).HasMaxLength(200);
        product.ComplexProperty(p => p.LearningMethod, method => method.Property(m => m.Name).HasMaxLength(200));
        product.OwnsMany(p => p.StartMoments, moment =>
        {
            moment.ToTable("StartMoments");
            moment.WithOwner().HasForeignKey("ProductId");
            moment.HasKey(m => m.Id);
            moment.Property(m => m.Id).ValueGeneratedNever();
            moment.Property(m => m.ExternalId).HasMaxLength(100);
            moment.Property(m => m.Location).HasMaxLength(300);
            moment.HasIndex("ProductId", nameof(StartMoment.ExternalId)).IsUnique();
        });
        product.OwnsMany(p => p.PriceComponents, price =>
        {
            price.ToTable("PriceComponents");
            price.WithOwner().HasForeignKey("ProductId");
            // A generated key keeps the components in the order the provider listed them (order lines follow it).
            price.Property<int>("Id");
            price.HasKey("Id");
        });
        product.Navigation(p => p.StartMoments).AutoInclude();
        product.Navigation(p => p.PriceComponents).AutoInclude();
    }
}
