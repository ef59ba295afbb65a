package dev.notionconsole.sandbox.ops.ratelimit;

/** The {@code additional_data.rate_limit_reason} values Notion sends with a 429 (docs/notion-api.md §4.5). */
public enum RateLimitReason {
    /** The connection (token) spent its 60-second budget. */
    CONNECTION("public_api_request_rate_limit"),
    /** All connections of the workspace together spent the workspace budget. */
    WORKSPACE("public_api_space_request_rate_limit"),
    /** Access is restricted: never clears, clients must not retry. */
    BLOCKED("public_api_request_blocked");

    private final String wireValue;

    RateLimitReason(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
