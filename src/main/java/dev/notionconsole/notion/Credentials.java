package dev.notionconsole.notion;

import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request authenticates (docs/notion-api.md §1.2): a bearer token for data endpoints, or the public
 * connection's client id and secret (HTTP Basic) for {@code /v1/oauth/token}, {@code /introspect} and
 * {@code /revoke}. String forms are masked.
 */
public sealed interface Credentials {

    static Credentials bearer(Secret token) {
        return new Bearer(token);
    }

    static Credentials basic(String clientId, Secret clientSecret) {
        return new Basic(clientId, clientSecret);
    }

    static Credentials none() {
        return None.INSTANCE;
    }

    /** The {@code Authorization} header value to put on the wire, if any. */
    Optional<String> authorizationHeader();

    /** The same header as shown to people: the secret part masked. */
    Optional<String> maskedAuthorizationHeader();

    record Bearer(Secret token) implements Credentials {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of("Bearer " + token.reveal());
        }

        @Override
        public Optional<String> maskedAuthorizationHeader() {
            return Optional.of("Bearer " + token.masked());
        }

        @Override
        public String toString() {
            return "Bearer[" + token.masked() + "]";
        }
    }

    record Basic(String clientId, Secret clientSecret) implements Credentials {
        public Basic {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            clientId = clientId.strip();
        }

        @Override
        public Optional<String> authorizationHeader() {
            String pair = clientId + ":" + clientSecret.reveal();
            String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            // The encoded pair is as sensitive as the secret: register it so logs mask it by value too.
            Redactor.register(encoded);
            return Optional.of("Basic " + encoded);
        }

        @Override
        public Optional<String> maskedAuthorizationHeader() {
            return Optional.of("Basic base64(" + clientId + ":" + clientSecret.masked() + ")");
        }

        @Override
        public String toString() {
            return "Basic[" + clientId + ":" + clientSecret.masked() + "]";
        }
    }

    final class None implements Credentials {
        static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }

        @Override
        public Optional<String> maskedAuthorizationHeader() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "None";
        }
    }
}
