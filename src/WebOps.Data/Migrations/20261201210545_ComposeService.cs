using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComposeService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "compose_project",
                table: "deployments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "compose_service",
                table: "deployments",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Raw SQL keeps the migration transactional on SQLite (DropColumn rebuilds the table).
            migrationBuilder.Sql("ALTER TABLE deployments DROP COLUMN compose_project;");
            migrationBuilder.Sql("ALTER TABLE deployments DROP COLUMN compose_service;");
        }
    }
}
