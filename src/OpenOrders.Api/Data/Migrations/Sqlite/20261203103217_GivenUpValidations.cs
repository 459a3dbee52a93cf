using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrders.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GivenUpValidations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DateDead",
                table: "ValidationJobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "ValidationJobs",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DateDead",
                table: "ValidationJobs");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "ValidationJobs");
        }
    }
}
