package dev.sightline.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy forwards, throttles like S3, resets, delays and goes down, in front of a real HTTP server. */
class FaultProxyTest {

    private HttpServer server;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        proxy = new FaultProxy("test", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.stop(0);
    }

    private HttpResponse<String> get() throws IOException, InterruptedException {
        // A new client each time: no pooled connection outlives a fault.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/bucket/key")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passesThenThrottlesResetsDelaysAndGoesDownAndComesBack() throws Exception {
        assertThat(get().body()).isEqualTo("hello");

        proxy.set(FaultProxy.Mode.SLOW_DOWN);
        HttpResponse<String> throttled = get();
        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(throttled.body()).contains("<Code>SlowDown</Code>");

        proxy.set(FaultProxy.Mode.RESET);
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);

        proxy.set(FaultProxy.Mode.LATENCY, Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThat(get().body()).isEqualTo("hello");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        proxy.set(FaultProxy.Mode.DOWN);
        assertThatThrownBy(this::get).isInstanceOf(java.net.ConnectException.class);

        proxy.set(FaultProxy.Mode.PASS);
        assertThat(get().body()).isEqualTo("hello");
    }
}
