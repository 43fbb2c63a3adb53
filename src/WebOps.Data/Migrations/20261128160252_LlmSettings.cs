using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class LlmSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deployment_llm_settings",
                columns: table => new
                {
                    deployment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    served_model_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    gpu_memory_utilization = table.Column<double>(type: "REAL", nullable: false),
                    quantization = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    max_model_len = table.Column<int>(type: "INTEGER", nullable: true),
                    dtype = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    tensor_parallel_size = table.Column<int>(type: "INTEGER", nullable: false),
                    gpus = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    cache_volume = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    hf_token = table.Column<string>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deployment_llm_settings", x => x.deployment_id);
                    table.ForeignKey(
                        name: "FK_deployment_llm_settings_deployments_deployment_id",
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
                name: "deployment_llm_settings");
        }
    }
}
