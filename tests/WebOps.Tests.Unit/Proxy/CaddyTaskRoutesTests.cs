using System.Text.Json;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class CaddyTaskRoutesTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly ProxyOptions Options = new() { HttpPort = 8080, HttpsPort = 8443, AdminAddress = "127.0.0.1:2999" };

    private static string Build(params ProxySite[] sites) =>
        CaddyConfig.Build(Options, "/srv/webops/data/proxy", sites).ToJsonString(Indented).ReplaceLineEndings("\n");

    [Fact]
    public void A_swarm_site_sends_its_names_to_every_task_retries_a_gone_one_only_for_requests_without_a_body_and_needs_no_slot_server()
    {
        var json = Build(new ProxySite("shop", ["shop.example.org"], 49160, TlsMode.Off) { Tasks = ["10.0.0.2:30001", "10.0.0.3:30002"] });

        Assert.Equal(
            """
            {
              "admin": {
                "listen": "127.0.0.1:2999",
                "config": {
                  "persist": false
                }
              },
              "storage": {
                "module": "file_system",
                "root": "/srv/webops/data/proxy"
              },
              "apps": {
                "http": {
                  "http_port": 8080,
                  "https_port": 8443,
                  "servers": {
                    "http": {
                      "listen": [
                        ":8080"
                      ],
                      "routes": [
                        {
                          "match": [
                            {
                              "host": [
                                "shop.example.org"
                              ],
                              "method": [
                                "GET",
                                "HEAD",
                                "OPTIONS"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "reverse_proxy",
                              "transport": {
                                "protocol": "http",
                                "dial_timeout": "2s"
                              },
                              "upstreams": [
                                {
                                  "dial": "10.0.0.2:30001"
                                },
                                {
                                  "dial": "10.0.0.3:30002"
                                }
                              ],
                              "load_balancing": {
                                "selection_policy": {
                                  "policy": "least_conn"
                                },
                                "retries": 2
                              },
                              "health_checks": {
                                "passive": {
                                  "fail_duration": "3s",
                                  "max_fails": 1
                                }
                              }
                            }
                          ],
                          "terminal": true
                        },
                        {
                          "match": [
                            {
                              "host": [
                                "shop.example.org"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "reverse_proxy",
                              "transport": {
                                "protocol": "http",
                                "dial_timeout": "2s"
                              },
                              "upstreams": [
                                {
                                  "dial": "10.0.0.2:30001"
                                },
                                {
                                  "dial": "10.0.0.3:30002"
                                }
                              ],
                              "load_balancing": {
                                "selection_policy": {
                                  "policy": "least_conn"
                                }
                              },
                              "health_checks": {
                                "passive": {
                                  "fail_duration": "3s",
                                  "max_fails": 1
                                }
                              }
                            }
                          ],
                          "terminal": true
                        }
                      ]
                    }
                  }
                },
                "pki": {
                  "certificate_authorities": {
                    "local": {
                      "install_trust": false
                    }
                  }
                }
              }
            }
            """,
            json);
    }

    [Fact]
    public void A_swarm_site_without_a_running_task_answers_503_saying_so()
    {
        var json = Build(new ProxySite("shop", ["shop.example.org"], 49160, TlsMode.Off) { Tasks = [] });

        Assert.Contains(
            """
                          "handle": [
                            {
                              "handler": "static_response",
                              "status_code": 503,
                              "headers": {
                                "Retry-After": [
                                  "5"
                                ]
                              },
                              "body": "No task of shop is running on the cluster.\n"
                            }
                          ],
            """,
            json,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Local_and_swarm_sites_side_by_side_keep_the_local_slots_and_the_swarm_tasks_apart()
    {
        var json = Build(
            new ProxySite("blog", ["blog.example.org"], 49160, TlsMode.Off),
            new ProxySite("shop", ["shop.example.org"], 49170, TlsMode.Off) { Tasks = ["10.0.0.2:30001"] });

        Assert.Contains("\"dial\": \"127.0.0.1:49160\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dial\": \"10.0.0.2:30001\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("49170", json, StringComparison.Ordinal);
        Assert.Contains("\"slots\": {", json, StringComparison.Ordinal);
    }
}
