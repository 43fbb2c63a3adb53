using System.Text.Json;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class CaddyConfigTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly ProxyOptions Options = new()
    {
        HttpPort = 8080,
        HttpsPort = 8443,
        AdminAddress = "127.0.0.1:2999",
        Acme = new AcmeOptions { DirectoryUrl = "https://acme.example/dir", Email = "ops@example.com", TrustedRootsPem = "/etc/acme-root.pem" },
    };

    private static string Build(ProxyOptions options, params ProxySite[] sites) =>
        CaddyConfig.Build(options, "/srv/webops/data/proxy", sites).ToJsonString(Indented).ReplaceLineEndings("\n");

    [Fact]
    public void Secure_plain_and_local_names_get_their_servers_and_issuers()
    {
        var json = Build(
            Options,
            new ProxySite("wiki", ["wiki.test"], 49170, TlsMode.Auto),
            new ProxySite("legacy", ["old.example.org"], 49180, TlsMode.Off),
            new ProxySite("blog", ["blog.example.com", "www.blog.example.com"], 49160, TlsMode.Auto));

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
                                "blog.example.com"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "reverse_proxy",
                              "upstreams": [
                                {
                                  "dial": "127.0.0.1:49160"
                                },
                                {
                                  "dial": "[::ffff:127.0.0.1]:49161"
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
                                  "uri": "/blog/49160?route=blog.example.com",
                                  "port": 3000,
                                  "interval": "200ms",
                                  "timeout": "2s"
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
                                "www.blog.example.com"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "reverse_proxy",
                              "upstreams": [
                                {
                                  "dial": "127.0.0.1:49160"
                                },
                                {
                                  "dial": "[::ffff:127.0.0.1]:49161"
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
                                  "uri": "/blog/49160?route=www.blog.example.com",
                                  "port": 3000,
                                  "interval": "200ms",
                                  "timeout": "2s"
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
                    "http": {
                      "listen": [
                        ":8080"
                      ],
                      "routes": [
                        {
                          "match": [
                            {
                              "host": [
                                "old.example.org"
                              ]
                            }
                          ],
                          "handle": [
                            {
                              "handler": "reverse_proxy",
                              "upstreams": [
                                {
                                  "dial": "127.0.0.1:49180"
                                },
                                {
                                  "dial": "[::ffff:127.0.0.1]:49181"
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
                                  "uri": "/legacy/49180?route=old.example.org",
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
                          "blog.example.com",
                          "www.blog.example.com"
                        ],
                        "issuers": [
                          {
                            "module": "acme",
                            "ca": "https://acme.example/dir",
                            "email": "ops@example.com",
                            "trusted_roots_pem_files": [
                              "/etc/acme-root.pem"
                            ]
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
    public void No_sites_give_no_servers_and_no_tls_app()
    {
        var json = Build(new ProxyOptions());

        Assert.Equal(
            """
            {
              "admin": {
                "listen": "127.0.0.1:2019",
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
                  "http_port": 80,
                  "https_port": 443,
                  "servers": {}
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
    public void Acme_issuer_leaves_out_email_and_roots_that_are_not_set()
    {
        var json = Build(new ProxyOptions(), new ProxySite("blog", ["blog.example.com"], 49160, TlsMode.Auto));

        Assert.Contains(
            """
                        "issuers": [
                          {
                            "module": "acme",
                            "ca": "https://acme-v02.api.letsencrypt.org/directory"
                          }
                        ]
            """,
            json);
    }

    [Fact]
    public void Site_of_a_deployment_adds_its_base_domain_name_and_needs_a_host_port()
    {
        var d = new Deployment { Name = "blog", RepoUrl = "https://example.com/blog.git", Domains = ["blog.example.com"], HostPort = 49160 };

        Assert.Equal(new[] { "blog.example.com", "blog.apps.example.net" }, ProxySite.For(d, "Apps.Example.net.")!.Domains);
        Assert.Equal(new[] { "blog.example.com" }, ProxySite.For(d, null)!.Domains);
        d.HostPort = null;
        Assert.Null(ProxySite.For(d, "apps.example.net"));
    }

    [Fact]
    public void A_swarm_deployment_is_routed_to_its_listed_tasks_and_to_nothing_while_they_are_unknown()
    {
        var d = new Deployment { Name = "shop", RepoUrl = "https://example.com/shop.git", HostPort = 49160, Target = DeployTarget.Swarm };

        Assert.Null(ProxySite.For(d, "apps.example.net"));
        var site = ProxySite.For(d, "apps.example.net", ["10.0.0.2:30001", "10.0.0.3:30002"])!;
        Assert.Equal(new[] { "shop.apps.example.net" }, site.Domains);
        Assert.Equal(new[] { "10.0.0.2:30001", "10.0.0.3:30002" }, site.Tasks);
        Assert.Empty(ProxySite.For(d, "apps.example.net", [])!.Tasks!);
        d.Target = DeployTarget.Local;
        Assert.Null(ProxySite.For(d, "apps.example.net", ["10.0.0.2:30001"])!.Tasks);
    }

    [Theory]
    [InlineData("app.test", true)]
    [InlineData("app.localhost", true)]
    [InlineData("nas.local", true)]
    [InlineData("svc.internal", true)]
    [InlineData("localhost", true)]
    [InlineData("contest.com", false)]
    [InlineData("app.example.com", false)]
    public void Local_names_are_the_reserved_suffixes(string domain, bool local) =>
        Assert.Equal(local, DomainNames.IsLocal(domain));
}
