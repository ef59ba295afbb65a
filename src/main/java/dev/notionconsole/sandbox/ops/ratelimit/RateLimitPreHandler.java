package dev.notionconsole.sandbox.ops.ratelimit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.PreHandler;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.model.Identity;

/**
 * Answers 429 {@code rate_limited} when a token or its workspace is over budget or blocked (docs/notion-api.md §4.5):
 * {@code Retry-After} header (whole seconds) repeated as {@code additional_data.retry_after}, and
 * {@code additional_data.rate_limit_reason}. Runs after the token check; routes without a bearer token (OAuth)
 * are not limited.
 */
public final class RateLimitPreHandler implements PreHandler {
    static final String MESSAGE = "You have been rate limited. Please try again in a few minutes.";

    private final RateLimits limits;

    public RateLimitPreHandler(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public Response before(Call call) {
        Identity who = call.identity();
        if (who == null) {
            return null;
        }
        // One budget per bot: each internal connection, OAuth installation and personal token has its own
        String tokenKey = who.bot() != null ? who.bot().id() : who.token();
        RateLimitDecision d = limits.acquire(tokenKey, who.connection().id(), who.workspace().id(),
                who.workspace().plan().name());
        if (d.allowed()) {
            return null;
        }
        ObjectNode data = ApiError.data();
        data.put("rate_limit_reason", d.reason().wireValue());
        ApiError error = new ApiError(429, "rate_limited", MESSAGE, data);
        d.retryAfterSeconds().ifPresent(s -> {
            data.put("retry_after", String.valueOf(s));
            error.header("Retry-After", String.valueOf(s));
        });
        throw error;
    }
}
