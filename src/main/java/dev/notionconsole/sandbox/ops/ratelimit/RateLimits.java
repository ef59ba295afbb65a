package dev.notionconsole.sandbox.ops.ratelimit;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The sandbox's rate limiter: one fixed window per token and one per workspace, checked and spent together
 * under one lock, so a request refused by either budget spends neither (docs/notion-api.md §4.5).
 *
 * <p>Thread-safe. The clock is injectable so tests can move time instead of sleeping.
 */
public final class RateLimits {
    private final RateLimitPolicy policy;
    private final LongSupplier nanoClock;
    private final Map<String, FixedWindow> tokenWindows = new HashMap<>();
    private final Map<String, FixedWindow> workspaceWindows = new HashMap<>();

    public RateLimits(RateLimitPolicy policy) {
        this(policy, System::nanoTime);
    }

    public RateLimits(RateLimitPolicy policy, LongSupplier nanoClock) {
        this.policy = Objects.requireNonNull(policy);
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    public RateLimitPolicy policy() {
        return policy;
    }

    /**
     * Admits one request, or says why not.
     *
     * @param tokenKey     identifies the token's budget (one per connection installation or PAT)
     * @param workspaceKey identifies the workspace budget (all connections of a workspace share it)
     * @param plan         the workspace plan ({@code free}, {@code plus}, {@code business}, {@code enterprise})
     */
    public RateLimitDecision acquire(String tokenKey, String workspaceKey, String plan) {
        return acquire(tokenKey, tokenKey, workspaceKey, plan);
    }

    /**
     * Like {@link #acquire(String, String, String)}, where {@code connectionKey} (the connection all of the
     * token's siblings share, e.g. every installation of a public connection) can be blocked too.
     */
    public RateLimitDecision acquire(String tokenKey, String connectionKey, String workspaceKey, String plan) {
        if (policy.blocked().contains(tokenKey) || policy.blocked().contains(connectionKey)
                || policy.blocked().contains(workspaceKey)) {
            return RateLimitDecision.blocked();
        }
        if (!policy.budgetsEnabled()) {
            return RateLimitDecision.ALLOWED;
        }
        synchronized (this) {
            long now = nanoClock.getAsLong();
            FixedWindow token = tokenWindows.computeIfAbsent(tokenKey, k ->
                    new FixedWindow(policy.perMinute(plan), RateLimitPolicy.CONNECTION_WINDOW.toNanos()));
            FixedWindow workspace = workspaceWindows.computeIfAbsent(workspaceKey, k ->
                    new FixedWindow(policy.workspaceBudget(plan), policy.workspaceWindow().toNanos()));
            if (!token.hasRoom(now)) {
                return RateLimitDecision.refused(RateLimitReason.CONNECTION, token.nanosUntilReset(now));
            }
            if (!workspace.hasRoom(now)) {
                return RateLimitDecision.refused(RateLimitReason.WORKSPACE, workspace.nanosUntilReset(now));
            }
            token.spend(now);
            workspace.spend(now);
            return RateLimitDecision.ALLOWED;
        }
    }

    /** Requests the token may still send in its current window (for diagnostics and tests). */
    public synchronized int remainingForToken(String tokenKey) {
        FixedWindow w = tokenWindows.get(tokenKey);
        return w == null ? -1 : w.remaining(nanoClock.getAsLong());
    }
}
