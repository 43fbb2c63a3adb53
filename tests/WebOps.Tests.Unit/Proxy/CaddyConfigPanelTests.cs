using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class CaddyConfigPanelTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static ProxyOptions Options(string? panelDomain) => new()
    {
        HttpPort = 8080,
        HttpsPort = 8443,
        AdminAddress = "127.0.0.1:2999",
        PanelDomain = panelDomain,
        Acme = new AcmeOptions { DirectoryUrl = "https://acme.example/dir" },
    };

    [Fact]
    public void The_panel_domain_comes_first_on_the_https_server_proxied_to_the_panels_loopback_address_with_its_certificate_policy()
    {
        var json = CaddyConfig.Build(
                Options("panel.example.com"), "/srv/webops/data/proxy", [new ProxySite("wiki", ["wiki.test"], 49170, TlsMode.Auto)], "127.0.0.1:8000")
            .ToJsonString(Indented).ReplaceLineEndings("\n");

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
              "logging": {
                "logs": {
                  "default": {
                    "exclude": [
                      "http.log.access.slots",
                      "http.handlers.reverse_proxy.health_checker.active"
                    ]
                  },
                  "slots": {
                    "writer": {
                      "output": "file",
                      "filename": "/srv/webops/data/proxy/slots.log",
                      "roll_size_mb": 1,
                      "roll_keep": 1,
                      "roll_gzip": false
                    },
                    "encoder": {
                      "format": "json"
                    },
                    "include": [
                      "http.log.access.slots",
                      "http.handlers.reverse_proxy.health_checker.active"
                    ]
                  }
                }
              },
              "apps": {
                "http": {
                  "http_port": 8080,
                  "https_port": 8443,
                  "servers": {
                    "https": {
                      "listen": [
                        ":8443"
                      ],
                      "routes": [
                        {
                          "match": [
                            {
                              "host": [
                                "panel.example.com"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "reverse_proxy",
                              "upstreams": [
                                {
                                  "dial": "127.0.0.1:8000"
                                }
                              ]
                            }
                          ],
                          "terminal": true
                        },
                        {
                          "match": [
                            {
                              "host": [
                                "wiki.test"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "reverse_proxy",
                              "upstreams": [
                                {
                                  "dial": "127.0.0.1:49170"
                                },
                                {
                                  "dial": "[::ffff:127.0.0.1]:49171"
                                }
                              ],
                              "load_balancing": {
                                "selection_policy": {
                                  "policy": "first"
                                },
                                "try_duration": "2s",
                                "try_interval": "100ms"
                              },
                              "health_checks": {
                                "active": {
                                  "uri": "/wiki/49170?route=wiki.test",
                                  "port": 3000,
                                  "interval": "200ms",
                                  "timeout": "2s"
                                }
                              }
                            }
                          ],
                          "terminal": true
                        }
                      ]
                    },
                    "slots": {
                      "listen": [
                        "127.0.0.1:3000"
                      ],
                      "routes": [
                        {
                          "match": [
                            {
                              "host": [
                                "127.0.0.1"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "file_server",
                              "root": "/srv/webops/data/proxy/slots/a"
                            }
                          ],
                          "terminal": true
                        },
                        {
                          "match": [
                            {
                              "host": [
                                "::ffff:127.0.0.1"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "file_server",
                              "root": "/srv/webops/data/proxy/slots/b"
                            }
                          ],
                          "terminal": true
                        }
                      ],
                      "automatic_https": {
                        "disable": true
                      },
                      "logs": {
                        "default_logger_name": "slots"
                      }
                    }
                  }
                },
                "pki": {
                  "certificate_authorities": {
                    "local": {
                      "install_trust": false
                    }
                  }
                },
                "tls": {
                  "automation": {
                    "policies": [
                      {
                        "subjects": [
                          "panel.example.com"
                        ],
                        "issuers": [
                          {
                            "module": "acme",
                            "ca": "https://acme.example/dir"
                          }
                        ]
                      },
                      {
                        "subjects": [
                          "wiki.test"
                        ],
                        "issuers": [
                          {
                            "module": "internal"
                          }
                        ]
                      }
                    ]
                  }
                }
              }
            }
            """,
            json);
    }

    [Fact]
    public void Without_the_panels_address_or_without_a_panel_domain_there_is_no_panel_route()
    {
        var noAddress = CaddyConfig.Build(Options("panel.example.com"), "/srv/proxy", [], panelUpstream: null);
        var noDomain = CaddyConfig.Build(Options(null), "/srv/proxy", [], "127.0.0.1:8000");

        Assert.Equal("{}", noAddress["apps"]!["http"]!["servers"]!.ToJsonString());
        Assert.Null(noAddress["apps"]!["tls"]);
        Assert.True(JsonNode.DeepEquals(noAddress, noDomain));
    }
}
