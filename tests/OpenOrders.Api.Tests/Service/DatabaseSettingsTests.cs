using OpenOrders.Api.Data;

namespace OpenOrders.Api.Tests.Service;

/// <summary>The service's Npgsql defaults apply only where the operator's connection string is silent.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Prepared_statements_and_no_session_reset_are_added_to_a_plain_connection_string()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(
            DataSetup.Tuned("Host=db;Username=orders;Database=orders"));
        Assert.Equal(50, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void What_the_operator_set_is_kept(string connectionString)
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(DataSetup.Tuned(connectionString));
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
