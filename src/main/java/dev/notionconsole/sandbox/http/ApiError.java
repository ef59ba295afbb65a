package dev.notionconsole.sandbox.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Notion error answer, thrown by routes and pre-handlers and written by the router as
 * {@code {object:"error", status, code, message, additional_data?, request_id}} (docs/notion-api.md §4.1). The static
 * factories carry Notion's exact wording; tests and clients should match on {@link #code()}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final ObjectNode additionalData;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, ObjectNode additionalData) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.additionalData = additionalData;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra data (null when none). */
    public ObjectNode additionalData() {
        return additionalData;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Adds a response header, e.g. Retry-After on 429/529. */
    public ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    // ---- the catalogue (docs/notion-api.md §4.2-4.4, 8) -------------------------------------------------------

    public static ApiError invalidRequestUrl() {
        return new ApiError(400, "invalid_request_url", "Invalid request URL.");
    }

    public static ApiError missingVersion() {
        return new ApiError(400, "missing_version",
                "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
    }

    /** Unknown Notion-Version value; the code was never captured, so it is configurable (decision 0021). */
    public static ApiError unknownVersion(String code) {
        StringBuilder sb = new StringBuilder("Notion-Version header failed validation: Notion-Version header should be ");
        for (int i = 0; i < ApiVersion.ALL.size(); i++) {
            if (i > 0) {
                sb.append(i == ApiVersion.ALL.size() - 1 ? ", or " : ", ");
            }
            sb.append('"').append(ApiVersion.ALL.get(i)).append('"');
        }
        return new ApiError(400, code, sb.toString());
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "API token is invalid.");
    }

    public static ApiError invalidJson() {
        return new ApiError(400, "invalid_json", "Error parsing JSON body.");
    }

    public static ApiError validation(String message) {
        return new ApiError(400, "validation_error", message);
    }

    public static ApiError validation(String message, ObjectNode additionalData) {
        return new ApiError(400, "validation_error", message, additionalData);
    }

    public static ApiError restricted() {
        return new ApiError(403, "restricted_resource", "Insufficient permissions for this endpoint.");
    }

    /**
     * Not found or not shared: the same answer either way, so existence never leaks (docs/notion-api.md §4.3, 5.2).
     *
     * @param noun           page, block, database or data_source: what the route looked up
     * @param id             the dashed id
     * @param connectionName the connection's name, quoted in the message
     * @param integrationId  additional_data.integration_id
     */
    public static ApiError notFound(String noun, String id, String connectionName, String integrationId) {
        ObjectNode data = data();
        data.put("integration_id", integrationId);
        return new ApiError(404, "object_not_found", "Could not find " + noun + " with ID: " + id
                + ". Make sure the relevant pages and databases are shared with your integration \"" + connectionName + "\".", data);
    }

    /** "Provided ID ... is a database, not a page. Use the retrieve database API instead." (docs/notion-api.md §4.3). */
    public static ApiError wrongKind(String id, String actual, String expected) {
        String hint = switch (actual) {
            case "database" -> " Use the retrieve database API instead.";
            case "page" -> " Use the retrieve page API instead.";
            case "data_source" -> " Use the retrieve data source API instead.";
            default -> " Use the retrieve block API instead.";
        };
        return validation("Provided ID " + id + " is a " + actual + ", not a " + expected + "." + hint);
    }

    public static ApiError conflict() {
        return new ApiError(409, "conflict_error", "Conflict occurred while saving. Please try again.");
    }

    public static ApiError internal() {
        return new ApiError(500, "internal_server_error", "Unexpected error occurred.");
    }

    /** Schema failure in Notion's style: {@code body failed validation: body.x should be ..., instead was `...`.} */
    public static ApiError bodyInvalid(String detail) {
        return validation("body failed validation: " + detail);
    }

    public static ApiError pathInvalid(String param, String raw) {
        return validation("path failed validation: path." + param + " should be a valid uuid, instead was `"
                + Jsonish.quote(raw) + "`.");
    }

    public static ApiError queryInvalid(String detail) {
        return validation("query failed validation: " + detail);
    }
}
