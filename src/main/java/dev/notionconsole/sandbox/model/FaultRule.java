package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fault rule from the fixture (notion-api.md 8 "Limits & faults"): for requests whose method and path match,
 * answer with this status and body kind, once or always. The model only carries the rules; the behaviour is in
 * the fault-injection pre-handler.
 *
 * @param method     HTTP method or "*"
 * @param path       path pattern, "*" matches one segment and "**" any rest, e.g. "/v1/pages/*"
 * @param status     HTTP status to answer
 * @param body       "notion" (JSON error envelope), "saved_timeout" (503 with retry_guidance), "edge_html" (non-JSON edge answer), "empty"
 * @param code       the Notion error code for "notion" bodies (null: the usual one for the status)
 * @param message    message for "notion" bodies (null: the usual one)
 * @param retryAfter seconds for Retry-After, or null
 * @param always     true: every matching request; false: the first matching request only
 * @param raw        the rule as written in the fixture, for round-tripping
 */
public record FaultRule(String method, String path, int status, String body, String code, String message, Integer retryAfter,
                        boolean always, JsonNode raw) {
}
