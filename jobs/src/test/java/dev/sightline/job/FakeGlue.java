package dev.sightline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A FAKE of the AWS Glue Data Catalog API (AWS JSON 1.1 over HTTP), on loopback: AWS Glue cannot
 * run here. It keeps databases and tables in memory and implements the calls Iceberg's
 * GlueCatalog makes (Get/CreateDatabase, GetDatabases, Get/Create/Update/DeleteTable, GetTables),
 * including UpdateTable's optimistic check of VersionId, with AWS's documented shapes and error
 * types. It tests Sightline's wiring of the Glue catalog, not Glue.
 */
final class FakeGlue implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, ObjectNode> databases = new TreeMap<>();
    /** Tables by database, then by name. */
    private final Map<String, Map<String, ObjectNode>> tables = new TreeMap<>();

    FakeGlue() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The endpoint to give as {@code catalog.uri}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The table's parameters as the catalog holds them (metadata_location, table_type). */
    synchronized Map<String, String> tableParameters(String database, String table) {
        ObjectNode t = tables.getOrDefault(database, Map.of()).get(table);
        Map<String, String> parameters = new TreeMap<>();
        if (t != null) {
            t.path("Parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        }
        return parameters;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = json.readTree(exchange.getRequestBody());
            int status = 200;
            JsonNode response;
            try {
                response = call(target == null ? "" : target.substring(target.indexOf('.') + 1), request);
            } catch (GlueError e) {
                status = 400;
                response = json.createObjectNode().put("__type", e.type).put("message", e.getMessage());
                exchange.getResponseHeaders().set("x-amzn-ErrorType", e.type);
            }
            byte[] body = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized JsonNode call(String operation, JsonNode request) {
        ObjectNode response = json.createObjectNode();
        switch (operation) {
            case "GetDatabase" -> response.set("Database", database(request.path("Name").asText()));
            case "GetDatabases" -> response.putArray("DatabaseList").addAll(databases.values());
            case "CreateDatabase" -> {
                ObjectNode input = (ObjectNode) request.path("DatabaseInput");
                String name = input.path("Name").asText();
                if (databases.containsKey(name)) {
                    throw new GlueError("AlreadyExistsException", "Database already exists.");
                }
                databases.put(name, input.deepCopy());
                tables.put(name, new TreeMap<>());
            }
            case "GetTable" -> response.set("Table", table(request.path("DatabaseName").asText(), request.path("Name").asText()));
            case "GetTables" -> {
                database(request.path("DatabaseName").asText());
                ArrayNode list = response.putArray("TableList");
                tables.get(request.path("DatabaseName").asText()).values().forEach(list::add);
            }
            case "CreateTable" -> {
                String db = request.path("DatabaseName").asText();
                database(db);
                ObjectNode table = ((ObjectNode) request.path("TableInput")).deepCopy();
                String name = table.path("Name").asText();
                if (tables.get(db).containsKey(name)) {
                    throw new GlueError("AlreadyExistsException", "Table already exists.");
                }
                table.put("DatabaseName", db).put("VersionId", "1");
                tables.get(db).put(name, table);
            }
            case "UpdateTable" -> {
                String db = request.path("DatabaseName").asText();
                ObjectNode input = ((ObjectNode) request.path("TableInput")).deepCopy();
                ObjectNode current = table(db, input.path("Name").asText());
                String expected = request.path("VersionId").asText(null);
                if (expected != null && !expected.equals(current.path("VersionId").asText())) {
                    throw new GlueError("ConcurrentModificationException", "Update table failed due to concurrent modifications.");
                }
                input.put("DatabaseName", db).put("VersionId", String.valueOf(current.path("VersionId").asInt() + 1));
                tables.get(db).put(input.path("Name").asText(), input);
            }
            case "DeleteTable" -> {
                table(request.path("DatabaseName").asText(), request.path("Name").asText());
                tables.get(request.path("DatabaseName").asText()).remove(request.path("Name").asText());
            }
            default -> throw new GlueError("InvalidInputException", "The fake does not implement " + operation);
        }
        return response;
    }

    private ObjectNode database(String name) {
        ObjectNode database = databases.get(name);
        if (database == null) {
            throw new GlueError("EntityNotFoundException", "Database " + name + " not found.");
        }
        return database;
    }

    private ObjectNode table(String database, String name) {
        ObjectNode table = tables.getOrDefault(database(database).path("Name").asText(), Map.of()).get(name);
        if (table == null) {
            throw new GlueError("EntityNotFoundException", "Table " + name + " not found.");
        }
        return table;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static final class GlueError extends RuntimeException {
        final String type;

        GlueError(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}
