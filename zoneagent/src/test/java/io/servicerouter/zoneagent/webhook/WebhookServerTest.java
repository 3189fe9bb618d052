package io.servicerouter.zoneagent.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookServerTest {

  private final List<Changes> applied = new ArrayList<>();
  private volatile boolean refuse;
  private volatile boolean unreachable;
  private WebhookServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    server = WebhookServer.start(new InetSocketAddress("127.0.0.1", 0), "weu.example.test",
        new WebhookServer.Provider() {
          @Override
          public List<Endpoint> records() throws IOException {
            if (unreachable) {
              throw new IOException("AXFR of weu.example.test: connection refused");
            }
            return List.of(Endpoint.of("app.weu.example.test", "CNAME", 30, List.of("gw.example.org")));
          }

          @Override
          public void apply(Changes changes) throws WebhookServer.Unavailable {
            if (refuse) {
              throw new WebhookServer.Unavailable("not_holder: the lease is another cluster's", null);
            }
            applied.add(changes);
          }
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void negotiationAnswersTheMediaTypeAndTheZoneAsDomainFilter() throws Exception {
    HttpResponse<String> response = get("/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(WebhookServer.MEDIA_TYPE);
    assertThat(response.body()).isEqualTo("{\"include\":[\"weu.example.test\"]}");
    assertThat(get("/other").statusCode()).isEqualTo(404);
  }

  @Test
  void recordsAreListedInExternalDnsJson() throws Exception {
    HttpResponse<String> response = get("/records");
    assertThat(response.headers().firstValue("Content-Type")).contains(WebhookServer.MEDIA_TYPE);
    assertThat(response.body()).isEqualTo(
        "[{\"dnsName\":\"app.weu.example.test\",\"targets\":[\"gw.example.org\"],\"recordType\":\"CNAME\",\"recordTTL\":30}]");
  }

  @Test
  void aZoneThatCannotBeListedIs503() throws Exception {
    unreachable = true;
    HttpResponse<String> response = get("/records");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("connection refused");
  }

  @Test
  void changesAreAppliedWith204AndARefusalIs503() throws Exception {
    String body = """
        {"create":[{"dnsName":"a.weu.example.test","targets":["10.0.0.1"],"recordType":"A",
          "labels":{"owner":"c"},"providerSpecific":[{"name":"x","value":"y"}],"unknown":1}],
         "updateOld":[{"dnsName":"b.weu.example.test","targets":["x.org"],"recordType":"CNAME"}],
         "updateNew":[{"dnsName":"b.weu.example.test","targets":["y.org"],"recordType":"CNAME","recordTTL":60}]}
        """;
    assertThat(post("/records", body).statusCode()).isEqualTo(204);
    assertThat(applied).hasSize(1);
    Changes changes = applied.get(0);
    assertThat(changes.create()).extracting(Endpoint::dnsName, Endpoint::recordTTL)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a.weu.example.test", 0L));
    assertThat(changes.updateNew().get(0).recordTTL()).isEqualTo(60);
    assertThat(changes.delete()).isEmpty();

    refuse = true;
    HttpResponse<String> refused = post("/records", body);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("not_holder");
  }

  @Test
  void malformedChangesAre400() throws Exception {
    assertThat(post("/records", "{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> halves = post("/records", "{\"updateOld\":[{\"dnsName\":\"a\"}]}");
    assertThat(halves.statusCode()).isEqualTo(400);
    assertThat(halves.body()).contains("both halves");
    assertThat(applied).isEmpty();
  }

  @Test
  void adjustEndpointsReturnsThemUnchanged() throws Exception {
    String endpoints = "[{\"dnsName\":\"a.weu.example.test\",\"targets\":[\"10.0.0.1\"],\"recordType\":\"A\","
        + "\"recordTTL\":5}]";
    HttpResponse<String> response = post("/adjustendpoints", endpoints);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(endpoints);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
