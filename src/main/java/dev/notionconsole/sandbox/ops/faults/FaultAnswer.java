package dev.notionconsole.sandbox.ops.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What a fault makes the sandbox answer. JSON errors go through the sandbox's error builder (so they carry a
 * request id like every other error); edge answers are sent as they are, without a Notion request id.
 */
public sealed interface FaultAnswer {
    int status();

    Map<String, String> headers();

    /** A Notion error envelope: {@code {object:"error", status, code, message, request_id, additional_data?}}. */
    record JsonError(int status, String code, String message, ObjectNode additionalData,
                     Map<String, String> headers) implements FaultAnswer {
    }

    /** A body from outside the API (Cloudflare's edge): never gets an {@code x-notion-request-id}. */
    record Raw(int status, String contentType, byte[] body, Map<String, String> headers) implements FaultAnswer {
    }
}
