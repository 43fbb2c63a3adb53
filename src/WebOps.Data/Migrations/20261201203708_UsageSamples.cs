using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class UsageSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "usage_samples",
                columns: table => new
                {
                    deployment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    step = table.Column<int>(type: "INTEGER", nullable: false),
                    time = table.Column<long>(type: "INTEGER", nullable: false),
                    cpu_percent = table.Column<double>(type: "REAL", nullable: false),
                    memory_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    memory_limit_bytes = table.Column<long>(type: "INTEGER", nullable: true),
                    net_rx_rate = table.Column<double>(type: "REAL", nullable: true),
                    net_tx_rate = table.Column<double>(type: "REAL", nullable: true),
                    block_read_rate = table.Column<double>(type: "REAL", nullable: true),
                    block_write_rate = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_samples", x => new { x.deployment_id, x.step, x.time });
                    table.ForeignKey(
                        name: "FK_usage_samples_deployments_deployment_id",
                        column: x => x.deployment_id,
                        principalTable: "deployments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "usage_samples");
        }
    }
}
