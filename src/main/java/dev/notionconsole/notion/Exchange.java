package dev.notionconsole.notion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.notionconsole.core.Redactor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One call and its answer: what was sent (credentials masked), what came back, and how long it took.
 * HTTP error statuses are exchanges too, with {@link #error()} set; only "no answer at all" is an exception
 * ({@link NotionTransportException}).
 *
 * <p>Jackson-serialisable for history: {@link #json()} is not written (it is re-parsed from the body when
 * read back), and the body is written through the redaction routine, so a token in a response (the OAuth
 * token endpoint returns two) never reaches a file. In memory the body is exact.
 *
 * @param request         the request as sent, credentials masked
 * @param status          HTTP status
 * @param headers         response headers, names lower-case, sorted
 * @param body            raw body bytes (empty array for none)
 * @param json            the parsed body when {@link #bodyKind()} is JSON, else null
 * @param bodyKind        JSON, NON_JSON or EMPTY
 * @param error           the typed error for a non-2xx status, else null
 * @param requestId       body {@code request_id} or header {@code x-notion-request-id}; may be null
 * @param startedAt       when the first attempt started
 * @param total           from the first attempt to the last byte, including waits between attempts
 * @param timeToFirstByte from sending the last attempt to its response headers
 * @param size            body size in bytes
 * @param attempts        how many times the request was sent (1 = no retry)
 * @param waits           every wait taken (pacing, Retry-After, backoff), in order
 */
public record Exchange(
        SentRequest request,
        int status,
        Map<String, List<String>> headers,
        @JsonSerialize(using = Exchange.RedactedBodySerializer.class) byte[] body,
        @JsonIgnore JsonNode json,
        BodyKind bodyKind,
        NotionError error,
        String requestId,
        Instant startedAt,
        Duration total,
        Duration timeToFirstByte,
        long size,
        int attempts,
        List<Wait> waits) {

    public Exchange {
        Objects.requireNonNull(request, "request");
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(headers));
        waits = waits == null ? List.of() : List.copyOf(waits);
        if (bodyKind == null) {
            bodyKind = body.length == 0 ? BodyKind.EMPTY : BodyKind.NON_JSON;
        }
        if (json == null && bodyKind == BodyKind.JSON) {
            // read back from history: the JSON tree is derived from the body rather than stored twice
            json = BodyParsing.parseJson(body);
            if (json == null) {
                bodyKind = BodyKind.NON_JSON;
            }
        }
    }

    /**
     * An exchange rebuilt from a record of it (a history entry): the body kind and the typed error are derived
     * exactly as the client derives them from a live answer, so a recorded 404 reads like the live one.
     */
    public static Exchange recorded(SentRequest request, int status, Map<String, List<String>> headers, byte[] body,
                                    String requestId, Instant startedAt, Duration total) {
        byte[] b = body == null ? new byte[0] : body;
        JsonNode json = BodyParsing.parseJson(b);
        BodyKind kind = BodyParsing.kindOf(b, json);
        NotionError error = status >= 200 && status < 300 ? null : NotionError.from(status, headers, b, json, kind);
        return new Exchange(request, status, headers, b, json, kind, error, requestId, startedAt, total, Duration.ZERO,
                b.length, 1, List.of());
    }

    /** 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body as UTF-8 text (malformed bytes replaced). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** First value of a response header, any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(NotionError.header(headers, name));
    }

    /** The same exchange with the response body passed through the redaction routine. */
    public Exchange redacted() {
        byte[] b = RedactedBodySerializer.redact(body);
        JsonNode j = b == body ? json : null;
        return new Exchange(request, status, headers, b, j, bodyKind, error, requestId, startedAt, total,
                timeToFirstByte, size, attempts, waits);
    }

    /** "GET https://api.notion.com/v1/users/me -> 200 in 123 ms (4.1 kB, request id ...)"; no body, no token. */
    @Override
    public String toString() {
        return request.method() + " " + request.url() + " -> " + status
                + (error != null ? " " + error.code() : "")
                + " in " + (total == null ? "?" : total.toMillis() + " ms")
                + " (" + size + " bytes" + (attempts > 1 ? ", " + attempts + " attempts" : "")
                + (requestId != null ? ", request id " + requestId : "") + ")";
    }

    /** Writes the body base64-encoded like Jackson's default, but redacted when it is text. */
    static final class RedactedBodySerializer extends StdSerializer<byte[]> {
        private static final long serialVersionUID = 1L;

        RedactedBodySerializer() {
            super(byte[].class);
        }

        @Override
        public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeBinary(redact(value));
        }

        /** Redacted bytes, or the same array when the body is not text or nothing needed masking. */
        static byte[] redact(byte[] value) {
            if (value == null || value.length == 0) {
                return value;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value)).toString();
            } catch (CharacterCodingException binary) {
                return value;
            }
            String redacted = Redactor.redact(text);
            return redacted.equals(text) ? value : redacted.getBytes(StandardCharsets.UTF_8);
        }
    }
}
