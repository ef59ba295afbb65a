package dev.notionconsole.sandbox.ops.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FaultRule;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.PostHandler;
import dev.notionconsole.sandbox.http.PreHandler;
import dev.notionconsole.sandbox.http.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the fixture's fault rules to requests (decision 0034). As a pre-handler (after rate limiting, before
 * the body is read) it answers instead of the handler, or only delays; as a post-handler it turns a successful
 * write into the saved-but-timed-out 503.
 */
public final class FaultInjector implements PreHandler, PostHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

    private final FaultRules rules;

    public FaultInjector(FaultRules rules) {
        this.rules = rules;
    }

    public FaultRules rules() {
        return rules;
    }

    @Override
    public Response before(Call call) {
        FaultRule rule = rules.before(call.method(), call.path(), connectionName(call)).orElse(null);
        if (rule == null) {
            return null;
        }
        LOG.info("Sandbox fault rule {} fired for {} {}", rule.describe(), call.method(), call.path());
        sleep(rule);
        if (rule.status() == 0) {
            return null; // a slow rule: the real answer, late
        }
        return toResponse(FaultResponses.answer(rule));
    }

    @Override
    public Response after(Call call, Response response) {
        if (response.status() >= 300 || rules.isEmpty()) {
            return response; // nothing was saved: the client sees the real error
        }
        FaultRule rule = rules.afterCommit(call.method(), call.path(), connectionName(call)).orElse(null);
        if (rule == null) {
            return response;
        }
        LOG.info("Sandbox fault rule {} fired for {} {}", rule.describe(), call.method(), call.path());
        sleep(rule);
        JsonNode committed = null;
        try {
            committed = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            LOG.debug("Committed answer is not JSON", e);
        }
        return toResponse(FaultResponses.savedButTimedOut(rule, call.method(), call.path(), committed));
    }

    private static String connectionName(Call call) {
        return call.identity() == null ? null : call.identity().connection().name();
    }

    private static void sleep(FaultRule rule) {
        if (rule.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(rule.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping: answer at once
        }
    }

    private static Response toResponse(FaultAnswer answer) {
        if (answer instanceof FaultAnswer.JsonError j) {
            ApiError error = new ApiError(j.status(), j.code(), j.message(), j.additionalData());
            j.headers().forEach(error::header);
            throw error; // the router writes it with the request id, like every other error
        }
        FaultAnswer.Raw raw = (FaultAnswer.Raw) answer;
        Response r = new Response(raw.status(), raw.contentType(), raw.body());
        raw.headers().forEach(r::header);
        return r;
    }
}
