/**
 * Test harness for integration tests against real components started as local processes: a Kubernetes
 * control plane ({@link io.servicerouter.testsupport.ControlPlane}: etcd, kube-apiserver,
 * kube-controller-manager, with the operator's CRDs), BIND ({@link io.servicerouter.testsupport.BindServer})
 * and ExternalDNS ({@link io.servicerouter.testsupport.ExternalDns}). The control plane's API server writes an
 * audit log of the writes on the operator's kinds, outputs, Events and Leases
 * ({@link io.servicerouter.testsupport.AuditLog}), and {@link io.servicerouter.testsupport.ControlPlane#clientAs}
 * gives a client its own user name, so that a test counts the writes of one client only.
 *
 * <p>The Go programs come from the cache that {@code scripts/control-plane build} fills (located with
 * {@code scripts/control-plane env} or {@code CONTROL_PLANE_BIN}/{@code CONTROL_PLANE_CRDS}); BIND and openssl
 * from Debian packages. Logs go to {@code <build dir>/it-logs/}, state and PID files to
 * {@code <build dir>/it-state/}. Every process is stopped at JVM exit; the ones a killed run left behind are
 * stopped by the next run, found through their PID files.
 *
 * <pre>
 * {@literal @}ExtendWith(ControlPlaneExtension.class)
 * class DnsIT {
 *   {@literal @}Test
 *   void publishes(ControlPlane controlPlane) {
 *     try (BindServer bind = BindServer.start("dns", List.of("weu.example.test"));
 *         ExternalDns weu = ExternalDns.start(controlPlane, bind, new ExternalDns.Settings(
 *             "external-dns-weu", "weu.example.test", ExternalDns.Policy.SYNC, ExternalDns.Selection.LABEL))) {
 *       controlPlane.client().resource(endpoint).create();
 *       bind.lookup().await("web.weu.example.test", "CNAME", List.of("gw.example.org"), Duration.ofSeconds(30));
 *     }
 *   }
 * }
 * </pre>
 */
package io.servicerouter.testsupport;
