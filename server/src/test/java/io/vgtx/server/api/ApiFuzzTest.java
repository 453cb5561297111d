package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.store.Backend;
import io.vgtx.server.ServerConfig;
import io.vgtx.server.auth.AuthFailurePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fuzzer would do to the API, with a fixed seed: random JSON (null, arrays, numbers, strings, trees) and bodies
 * built from the OpenAPI document's own schemas then mutated (a field nulled, retyped, pushed to an extreme, removed, or
 * an unknown one added), sent to every route the document lists, with the tokens of several roles (so validation past
 * authorisation is reached) and with none, and with path parameters that exist, do not, or are not numbers at all.
 * Every answer must be below 500, every error an RFC 9457 problem, and a 4xx must leave the database as it was.
 */
class ApiFuzzTest {
    private static final long SEED = 20_261_208L;
    private static final int REQUESTS_PER_ROUTE = 40;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Written in the background, a second or so after the request that caused it (lookup statistics, who matched which
     * entry, delivery attempts): not compared, or a 4xx would be blamed for an earlier 200's write.
     */
    private static final List<String> BACKGROUND_TABLES = List.of("match_days", "entry_matchers", "webhook_deliveries", "flyway_schema_history");

    @TempDir
    Path tempDir;
    LiveNode node;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JsonNode openApi;
    List<String> tables;
    /** Whether {@link #fromSchema} fills in every property (else about four in five). */
    boolean everyProperty;

    @BeforeEach
    void start() {
        // A token the fuzzer revoked is a rejected token from then on: do not let those lock the test's address out.
        node = new LiveNode(Backend.SQLITE, tempDir, ReportSettings.none(), ServerConfig.defaults()
                .withAuthFailures(new AuthFailurePolicy(1_000_000, Duration.ofMinutes(1), Duration.ofMinutes(1), 1000)));
        Organisation police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        Organisation hotline = node.taskforce.active("Hotline", OrganisationKind.HOTLINE);
        tokens.put("node-admin", node.taskforce.token(node.taskforce.operator, Role.ADMIN));
        tokens.put("board", node.taskforce.token(node.taskforce.operator, Role.BOARD));
        tokens.put("police-analyst", node.taskforce.token(police, Role.ANALYST));
        tokens.put("police-viewer", node.taskforce.token(police, Role.VIEWER));
        tokens.put("hotline-admin", node.taskforce.token(hotline, Role.ADMIN));
        tokens.put("hotline-analyst", node.taskforce.token(hotline, Role.ANALYST));
        tokens.put("none", null);
        // Something for the {id}s to find: a bank of each member with an entry, a report.
        for (String who : List.of("police-analyst", "hotline-analyst")) {
            LiveNode.Reply bank = node.post(tokens.get(who), "/api/v1/banks", "{\"name\":\"" + who + "\",\"distribution\":\"GREEN\"}");
            assertThat(bank.status()).as(bank.body()).isEqualTo(201);
            LiveNode.Reply entry = node.post(tokens.get(who), "/api/v1/banks/" + bank.json().get("id").asLong() + "/entries",
                    "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + "0123456789abcdef".repeat(2) + "\",\"label\":\"x\"}]}");
            assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        }
        openApi = node.get(null, "/openapi.json").json();
        tables = node.database.jdbi().withHandle(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' ORDER BY name").mapTo(String.class).list());
        assertThat(tables).contains("entries", "audit_log", "change_log", "organisations");
    }

    @AfterEach
    void stop() {
        node.close();
        http.close();
    }

    @Test
    void randomAndMutatedBodiesOnEveryRouteNeverGetA5xxAndA4xxWritesNothing() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        String before = snapshot();
        int sent = 0;
        String previous = "";
        for (int round = 0; round < REQUESTS_PER_ROUTE; round++) {
            for (Operation operation : operations) {
                String who = pick(random, List.copyOf(tokens.keySet()));
                String path = fillPath(random, operation.path());
                String body = operation.bodySchema() == null && random.nextInt(4) != 0 ? null : body(random, operation.bodySchema());
                HttpResponse<String> response;
                try {
                    response = send(operation.method(), path, tokens.get(who), body);
                } catch (UncheckedIOException e) {
                    failures.add("no answer: " + operation.method() + " " + path + " as " + who + " with " + abbreviate(body) + ": " + e.getCause() + " (after " + previous + ")");
                    continue;
                }
                sent++;
                String after = snapshot();
                int status = response.statusCode();
                String what = operation.method() + " " + path + " as " + who + " with " + abbreviate(body) + " → " + status + " " + abbreviate(response.body());
                if (status >= 500) failures.add("5xx: " + what);
                if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    failures.add("not a problem: " + what);
                }
                if (status >= 400 && !after.equals(before)) failures.add("wrote on a 4xx: " + what + changed(before, after));
                before = after;
                previous = what;
            }
        }
        assertThat(sent).isGreaterThan(2000);
        assertThat(failures).as("%d of %d requests", failures.size(), sent).isEmpty();
    }

    /**
     * Systematically what the random run reaches by chance: a body with every property the schema has, then, one at a
     * time, each value in it (a field, an array's item) replaced by null, and each array by {@code [null]}.
     */
    @Test
    void aNullAnywhereInABodyIsA4xxThatWritesNothing() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        everyProperty = true;
        List<String> failures = new ArrayList<>();
        String before = snapshot();
        int sent = 0;
        int accepted = 0;
        for (Operation operation : operations()) {
            if (operation.bodySchema() == null) continue;
            JsonNode full = fromSchema(random, operation.bodySchema(), 0, "");
            for (JsonNode variant : nulledVariants(full)) {
                for (String who : List.of("node-admin", "police-analyst", "hotline-admin")) {
                    String path = fillPath(random, operation.path()).replaceAll("/[^/]*(%|\\u0668)[^/]*", "/1");
                    // Names and logins must be new each time, or every request after the first is a 409 for that alone.
                    String body = variant.toString().replace("\"fuzz name\"", "\"fuzz name " + sent + "\"")
                            .replace("\"fuzz.user\"", "\"fuzz.user" + sent + "\"");
                    HttpResponse<String> response = send(operation.method(), path, tokens.get(who), body);
                    sent++;
                    String after = snapshot();
                    String what = operation.method() + " " + path + " as " + who + " with " + abbreviate(body) + " → "
                            + response.statusCode() + " " + abbreviate(response.body());
                    if (response.statusCode() >= 500) failures.add("5xx: " + what);
                    if (response.statusCode() >= 400 && !after.equals(before)) failures.add("wrote on a 4xx: " + what + changed(before, after));
                    if (response.statusCode() < 300) accepted++;
                    before = after;
                }
            }
        }
        assertThat(sent).isGreaterThan(300);
        assertThat(accepted).as("bodies valid but for an optional null: the handlers past validation were reached").isGreaterThan(30);
        assertThat(failures).as("%d of %d requests", failures.size(), sent).isEmpty();
    }

    /** {@code body} with one value nulled, for every value in it; and with each array holding just a null. */
    private static List<JsonNode> nulledVariants(JsonNode body) {
        List<JsonNode> variants = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(body, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            variants.add(replaced(body, path, NODES.nullNode()));
            if (at(body, path).isArray()) variants.add(replaced(body, path, NODES.arrayNode().add(NODES.nullNode())));
        }
        return variants;
    }

    private static void collectPaths(JsonNode node, List<Object> path, List<List<Object>> into) {
        into.add(List.copyOf(path));
        if (node instanceof ObjectNode object) {
            object.properties().forEach(p -> {
                path.add(p.getKey());
                collectPaths(p.getValue(), path, into);
                path.removeLast();
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                path.add(i);
                collectPaths(array.get(i), path, into);
                path.removeLast();
            }
        }
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        for (Object step : path) node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        return node;
    }

    private static JsonNode replaced(JsonNode body, List<Object> path, JsonNode value) {
        if (path.isEmpty()) return value;
        JsonNode copy = body.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.getLast();
        if (parent instanceof ObjectNode object) object.set((String) last, value);
        else ((ArrayNode) parent).set((Integer) last, value);
        return copy;
    }

    record Operation(String method, String path, JsonNode bodySchema) {}

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode schema = method.getValue().path("requestBody").path("content").path("application/json").path("schema");
            operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), schema.isMissingNode() ? null : schema));
        }));
        return operations;
    }

    /** A path parameter that exists, does not, or is no id at all (signs, other scripts' digits, overflow, NUL). */
    private static final List<String> PATH_VALUES = List.of("1", "2", "3", "4", "0", "-1", "+2", "02", "\u0668", "99999999999999999999",
            "abc", "%00", "1%0A", "%E2%80%AE1", "1.5", "%20");

    private static String fillPath(SplittableRandom random, String template) {
        return template.replaceAll("\\{[^}]+}", random.nextInt(3) == 0 ? pick(random, PATH_VALUES) : String.valueOf(1 + random.nextInt(4)))
                .replace("{", "").replace("}", "");
    }

    private String body(SplittableRandom random, JsonNode schema) {
        return switch (random.nextInt(8)) {
            case 0 -> randomJson(random, 3).toString();
            case 1 -> pick(random, List.of("null", "[]", "{}", "0", "\"x\"", "true", "[null]", "{\"a\":null}"));
            case 2 -> truncate(random, schema == null ? randomJson(random, 2).toString() : fromSchema(random, schema, 0, "").toString());
            default -> schema == null ? randomJson(random, 2).toString() : mutate(random, fromSchema(random, schema, 0, "")).toString();
        };
    }

    private static String truncate(SplittableRandom random, String json) {
        return json.isEmpty() ? json : json.substring(0, random.nextInt(json.length()));
    }

    /** A value that fits {@code schema} most of the time: what a careful client would send, to be mutated. */
    private JsonNode fromSchema(SplittableRandom random, JsonNode schema, int depth, String field) {
        if (schema.has("$ref")) return fromSchema(random, resolve(schema.get("$ref").asText()), depth, field);
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(choice)) return fromSchema(random, pick(random, list(schema.get(choice))), depth, field);
        }
        if (schema.has("enum")) return pick(random, list(schema.get("enum")));
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 4) yield object;
                schema.path("properties").properties().forEach(p -> {
                    if (everyProperty || random.nextInt(5) != 0) object.set(p.getKey(), fromSchema(random, p.getValue(), depth + 1, p.getKey()));
                });
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = depth > 4 ? 0 : everyProperty ? 1 : random.nextInt(4);
                for (int i = 0; i < n; i++) array.add(fromSchema(random, schema.path("items"), depth + 1, field));
                yield array;
            }
            case "integer" -> NODES.numberNode((long) (everyProperty ? 1L : pick(random, List.of(1L, 2L, 3L, 0L, -1L, 100L, 7L, Long.MAX_VALUE, Integer.MAX_VALUE + 1L))));
            case "number" -> NODES.numberNode(pick(random, List.of(0.5, 1.0, -1.0, 1e308)));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "string" -> NODES.textNode(everyProperty ? goodString(field, schema) : stringFor(random, schema));
            default -> randomJson(random, 1);
        };
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) return type.asText();
        if (type.isArray()) {
            for (JsonNode t : type) if (!t.asText().equals("null")) return t.asText();
        }
        if (schema.has("properties")) return "object";
        if (schema.has("items")) return "array";
        return "any";
    }

    private static final List<String> STRINGS = List.of("x", "DE", "NL", "GB", "Police", "a label", "https://example.org/a",
            "0123456789abcdef0123456789abcdef", "f0e1d2c3b4a5968778695a4b3c2d1e0f".repeat(2), "2026-01-01T00:00:00Z", "", " ",
            "2025-12-31", "ANALYST", "a\u0000b", "line\r\nbreak", "\u202Eevil", "zero\u200Bwidth", "\uD800", "x".repeat(2000));
    private static final List<String> TIMES = List.of("2025-06-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "1989-12-31T23:59:59Z", "2999-01-01T00:00:00Z", "2025-06-01", "not a time");
    private static final List<String> DATES = List.of("2025-06-01", "-999999999-01-01", "0001-01-01", "+10000-01-01", "2999-01-01", "x");

    /** A value a careful client would send for a field of this name, so that a body is valid until one value is nulled. */
    private static String goodString(String field, JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) return "2025-06-01T00:00:00Z";
        if (format.equals("date")) return "2025-06-01";
        String name = field.toLowerCase(java.util.Locale.ROOT);
        if (name.equals("type")) return "MD5";
        if (name.equals("value")) return "0123456789abcdef0123456789abcdef";
        if (name.contains("country") || name.equals("countries")) return "DE";
        if (name.contains("url")) return "https://hooks.example.org/fuzz";
        if (name.equals("login")) return "fuzz.user";
        if (name.equals("password")) return "a long enough password";
        return "fuzz " + name;
    }

    private static String stringFor(SplittableRandom random, JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) return pick(random, TIMES);
        if (format.equals("date")) return pick(random, DATES);
        return pick(random, STRINGS);
    }

    /** One of the ways a fuzzer breaks a good body. */
    private JsonNode mutate(SplittableRandom random, JsonNode value) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(value, containers);
        if (containers.isEmpty() || random.nextInt(6) == 0) return value;
        JsonNode container = pick(random, containers);
        JsonNode replacement = switch (random.nextInt(6)) {
            case 0 -> NODES.nullNode();
            case 1 -> randomJson(random, 2);
            case 2 -> NODES.textNode(pick(random, TIMES));
            case 3 -> NODES.textNode(pick(random, STRINGS));
            case 4 -> NODES.numberNode(pick(random, List.of(Long.MIN_VALUE, -1L, 0L, 1L << 53)));
            default -> NODES.arrayNode().add(NODES.nullNode());
        };
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || random.nextInt(5) == 0) object.set("unknown", replacement);
            else if (random.nextInt(5) == 0) object.remove(pick(random, names));
            else object.set(pick(random, names), replacement);
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty()) array.add(replacement);
            else array.set(random.nextInt(array.size()), replacement);
        }
        return value;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (!node.isContainerNode()) return;
        into.add(node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collectContainers(it.next(), into);
    }

    private static JsonNode randomJson(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 4 -> NODES.textNode(pick(random, STRINGS));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) array.add(randomJson(random, depth - 1));
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) object.set(pick(random, List.of("name", "entries", "hashes", "value", "type", "x")), randomJson(random, depth - 1));
                yield object;
            }
        };
    }

    private JsonNode resolve(String ref) {
        JsonNode schema = openApi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(schema.isMissingNode()).as("schema %s", ref).isFalse();
        return schema;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.server.uri() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (body != null) request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every table's rows, hashed (the test's tables hold a few hundred rows): a 4xx that changed any row, inserted or
     * deleted one, shows as a different snapshot. Tables written in the background are left out.
     */
    private String snapshot() {
        return node.database.jdbi().withHandle(h -> {
            StringBuilder all = new StringBuilder();
            for (String table : tables) {
                if (BACKGROUND_TABLES.contains(table)) continue;
                MessageDigest digest = sha256();
                h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> digest.update(row.toString().getBytes(StandardCharsets.UTF_8)));
                all.append(table).append('=').append(HexFormat.of().formatHex(digest.digest(), 0, 8)).append(' ');
            }
            return all.toString();
        });
    }

    /** The tables whose rows differ between two snapshots. */
    private static String changed(String before, String after) {
        List<String> was = List.of(before.split(" "));
        return " (changed: " + java.util.Arrays.stream(after.split(" ")).filter(t -> !was.contains(t)).map(t -> t.split("=")[0]).toList() + ")";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) return "(no body)";
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
