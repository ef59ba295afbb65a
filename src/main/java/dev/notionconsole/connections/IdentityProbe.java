package dev.notionconsole.connections;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * "Test connection"'s one call, GET /v1/users/me, and what its outcome says: shared by the test of a saved
 * connection and of a form's unsaved values. Never throws for an API or network failure: that is the result.
 */
final class IdentityProbe {
    /** Opens the client the probe calls with; may start the sandbox or read the secret store (blocking). */
    interface ClientSource {
        NotionClient open() throws IOException, SecretStoreException;
    }

    record Result(IdentityCheck check, List<LearnedCapability> learned) {
    }

    private IdentityProbe() {
    }

    /** Blocking. {@code as} is the connection the answer is interpreted for (its kind, its name in messages). */
    static Result run(Connection as, ClientSource source, Instant at, CancellationToken cancel) throws SecretStoreException {
        try {
            NotionClient client = source.open();
            Exchange ex = client.send(ApiRequest.get("/v1/users/me"), cancel, CallObserver.NONE);
            IdentityInterpreter.Result r = IdentityInterpreter.interpret(as, ex, at);
            return new Result(r.check(), r.capabilities());
        } catch (MissingTokenException e) {
            return failure(at, IdentityCheck.Outcome.NO_TOKEN, e.getMessage());
        } catch (NotionTransportException e) {
            return failure(at, IdentityCheck.Outcome.UNREACHABLE, e.getMessage()); // names the URL
        } catch (IOException e) {
            return failure(at, IdentityCheck.Outcome.UNREACHABLE, "Could not reach " + as.baseUrl() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return failure(at, IdentityCheck.Outcome.UNREACHABLE, e.getMessage());
        }
    }

    private static Result failure(Instant at, IdentityCheck.Outcome outcome, String message) {
        return new Result(IdentityCheck.failure(at, outcome, message, null, null), List.of());
    }
}
