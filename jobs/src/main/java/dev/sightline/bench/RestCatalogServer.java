package dev.sightline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.shaded.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An Iceberg REST catalog server on loopback: the routes of the REST catalog specification that
 * table writers and readers use, served by Iceberg's own {@link CatalogHandlers} (the logic of
 * its reference server) over a backend catalog. Iceberg's servlet is in a test-fixtures jar the
 * registry here lacks, so the routing is done here on the JDK's HTTP server.
 */
public final class RestCatalogServer implements AutoCloseable {

    private final Catalog backend;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ObjectMapper json;
    private volatile String requestedWarehouse;

    public RestCatalogServer(Catalog backend) throws Exception {
        this.backend = backend;
        // Iceberg's mapper with its REST serializers registered (package-private in Iceberg).
        Method mapper = Class.forName("org.apache.iceberg.rest.RESTObjectMapper").getDeclaredMethod("mapper");
        mapper.setAccessible(true);
        json = (ObjectMapper) mapper.invoke(null);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The query of the client's last {@code GET /v1/config}, where it names its warehouse. */
    public String requestedWarehouse() {
        return requestedWarehouse;
    }

    /** The URI to give as {@code catalog.uri}. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Object response;
            try {
                response = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath().split("/"), exchange);
            } catch (NoSuchNamespaceException | NoSuchTableException e) {
                response = error(404, e);
            } catch (AlreadyExistsException | CommitFailedException e) {
                response = error(409, e);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                response = error(400, e);
            } catch (RuntimeException e) {
                response = error(500, e);
            }
            int status = response instanceof ErrorResponse error ? error.code() : response == null ? 204 : 200;
            byte[] body = response == null ? new byte[0] : json.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Routes {@code /v1/...}; segments[0] is the empty text before the first slash. */
    private Object route(String method, String[] segments, HttpExchange exchange) throws IOException {
        if (segments.length < 3 || !"v1".equals(segments[1])) {
            throw new UnsupportedOperationException("no route for " + String.join("/", segments));
        }
        SupportsNamespaces namespaces = (SupportsNamespaces) backend;
        Namespace namespace = segments.length > 3 ? RESTUtil.decodeNamespace(segments[3]) : null;
        TableIdentifier table = segments.length > 5 ? TableIdentifier.of(namespace, RESTUtil.decodeString(segments[5])) : null;
        if (segments.length == 3) {
            switch (method + " " + segments[2]) {
                case "GET config":
                    String query = exchange.getRequestURI().getQuery();
                    requestedWarehouse = query == null ? null : java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
                    return ConfigResponse.builder().build();
                case "GET namespaces":
                    return CatalogHandlers.listNamespaces(namespaces, Namespace.empty());
                case "POST namespaces":
                    return CatalogHandlers.createNamespace(namespaces, body(exchange, CreateNamespaceRequest.class));
                default:
                    break;
            }
        } else if (segments.length == 4) {
            switch (method) {
                case "GET":
                    return CatalogHandlers.loadNamespace(namespaces, namespace);
                case "HEAD":
                    CatalogHandlers.namespaceExists(namespaces, namespace);
                    return null;
                default:
                    break;
            }
        } else if (segments.length == 5 && "tables".equals(segments[4])) {
            switch (method) {
                case "GET":
                    return CatalogHandlers.listTables(backend, namespace);
                case "POST":
                    CreateTableRequest create = body(exchange, CreateTableRequest.class);
                    return create.stageCreate() ? CatalogHandlers.stageTableCreate(backend, namespace, create)
                            : CatalogHandlers.createTable(backend, namespace, create);
                default:
                    break;
            }
        } else if (segments.length == 6 && "tables".equals(segments[4])) {
            switch (method) {
                case "GET":
                    return CatalogHandlers.loadTable(backend, table);
                case "HEAD":
                    CatalogHandlers.tableExists(backend, table);
                    return null;
                case "POST":
                    return CatalogHandlers.updateTable(backend, table, body(exchange, UpdateTableRequest.class));
                default:
                    break;
            }
        } else if (segments.length == 7 && "metrics".equals(segments[6]) && "POST".equals(method)) {
            return null; // scan and commit reports are accepted and dropped
        }
        throw new UnsupportedOperationException("no route for " + method + " " + String.join("/", segments));
    }

    private <T> T body(HttpExchange exchange, Class<T> type) throws IOException {
        return json.readValue(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), type);
    }

    private static ErrorResponse error(int code, RuntimeException e) {
        return ErrorResponse.builder().responseCode(code).withType(e.getClass().getSimpleName())
                .withMessage(String.valueOf(e.getMessage())).build();
    }

    @Override
    public void close() throws Exception {
        server.stop(0);
        threads.shutdownNow();
        if (backend instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
