using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrders.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderNumberSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "Counters",
                columns: new[] { "Name", "Value" },
                values: new object[] { "OrderNumber", 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "Counters",
                keyColumn: "Name",
                keyValue: "OrderNumber");
        }
    }
}
