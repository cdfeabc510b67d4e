package dev.sightline.ingest.backfill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs the completion notice as JSON ({@code application/json}) to a URL, up to three times
 * (after 1 s, then 4 s) while the answer is not 2xx; the header {@code Idempotency-Key} is the same
 * for every try and every resend of one backfill's notice.
 */
public final class WebhookNotifier implements BackfillNotifier {
    private static final long serialVersionUID = 1L;
    private static final int ATTEMPTS = 3;

    private final String url;
    private transient HttpClient http;

    public WebhookNotifier(String url) {
        this.url = url;
    }

    @Override
    public String target() {
        return "webhook " + url;
    }

    @Override
    public void send(BackfillSummary summary) throws IOException, InterruptedException {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "sightline-backfill-" + Integer.toHexString((summary.job + "\u0000" + summary.backfill).hashCode()))
                .POST(HttpRequest.BodyPublishers.ofString(summary.toJson()))
                .build();
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                problem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                problem = e.toString();
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(attempt == 1 ? 1_000 : 4_000);
            }
        }
        throw new IOException(url + " did not take the notice after " + ATTEMPTS + " attempts: " + problem);
    }
}
