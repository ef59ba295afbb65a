package dev.notionconsole.sandbox.ops.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How the sandbox limits request rates (docs/notion-api.md §4.5).
 *
 * <ul>
 *   <li>Per connection: a fixed 60-second budget per token, 600 on Business and Enterprise workspaces and
 *       180 on every other plan, unless {@code --rate-limit PER_MIN} overrides it.</li>
 *   <li>Per workspace: one budget shared by all its connections over a longer window, so its
 *       {@code Retry-After} can exceed 60 s as the reference says. Notion does not publish the figure; the
 *       default is {@value #DEFAULT_WORKSPACE_FACTOR} times the per-minute budget per
 *       {@value #DEFAULT_WORKSPACE_WINDOW_SECONDS} s: one connection alone never reaches it, three at full
 *       speed do (see docs/decisions/0030-sandbox-rate-limits.md).</li>
 *   <li>Blocked: tokens or workspaces whose access is restricted get 429 {@code public_api_request_blocked}
 *       on every request, without {@code Retry-After}; it never clears, even with budgets off.</li>
 * </ul>
 *
 * @param budgetsEnabled     false for {@code --rate-limit off}
 * @param perMinuteOverride  {@code --rate-limit PER_MIN}, else empty (use the workspace plan)
 * @param workspaceBudget    explicit workspace budget per window, else empty (derived from the per-minute one)
 * @param workspaceWindow    the workspace window
 * @param blocked            token keys or workspace keys that are blocked
 */
public record RateLimitPolicy(boolean budgetsEnabled, OptionalInt perMinuteOverride, OptionalInt workspaceBudget,
                              Duration workspaceWindow, Set<String> blocked) {
    public static final Duration CONNECTION_WINDOW = Duration.ofSeconds(60);
    public static final int STANDARD_PER_MINUTE = 180;
    public static final int BUSINESS_PER_MINUTE = 600;
    static final int DEFAULT_WORKSPACE_FACTOR = 10;
    static final int DEFAULT_WORKSPACE_WINDOW_SECONDS = 300;

    public RateLimitPolicy {
        perMinuteOverride.ifPresent(n -> requirePositive(n, "rate limit per minute"));
        workspaceBudget.ifPresent(n -> requirePositive(n, "workspace budget"));
        if (workspaceWindow.isZero() || workspaceWindow.isNegative()) {
            throw new IllegalArgumentException("workspace window must be positive");
        }
        blocked = Set.copyOf(blocked);
    }

    /** The defaults: budgets from each workspace's plan, nothing blocked. */
    public static RateLimitPolicy defaults() {
        return new RateLimitPolicy(true, OptionalInt.empty(), OptionalInt.empty(),
                Duration.ofSeconds(DEFAULT_WORKSPACE_WINDOW_SECONDS), Set.of());
    }

    /**
     * Parses the {@code --rate-limit} value: a positive number of requests per minute, or {@code off}.
     *
     * @throws IllegalArgumentException with a message fit for the command line
     */
    public RateLimitPolicy withCommandLineValue(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("off")) {
            return new RateLimitPolicy(false, perMinuteOverride, workspaceBudget, workspaceWindow, blocked);
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--rate-limit must be a number of requests per minute or 'off', not '" + value + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--rate-limit must be at least 1 (or 'off'), not " + n);
        }
        return new RateLimitPolicy(true, OptionalInt.of(n), workspaceBudget, workspaceWindow, blocked);
    }

    public RateLimitPolicy withBlocked(Set<String> keys) {
        return new RateLimitPolicy(budgetsEnabled, perMinuteOverride, workspaceBudget, workspaceWindow, keys);
    }

    public RateLimitPolicy withWorkspaceBudget(int budget, Duration window) {
        return new RateLimitPolicy(budgetsEnabled, perMinuteOverride, OptionalInt.of(budget), window, blocked);
    }

    /** The per-connection budget per 60 s for a workspace on {@code plan}. */
    public int perMinute(String plan) {
        if (perMinuteOverride.isPresent()) {
            return perMinuteOverride.getAsInt();
        }
        return isBusinessOrEnterprise(plan) ? BUSINESS_PER_MINUTE : STANDARD_PER_MINUTE;
    }

    /** The workspace budget per {@link #workspaceWindow()} for a workspace on {@code plan}. */
    public int workspaceBudget(String plan) {
        return workspaceBudget.orElse(perMinute(plan) * DEFAULT_WORKSPACE_FACTOR);
    }

    static boolean isBusinessOrEnterprise(String plan) {
        if (plan == null) {
            return false;
        }
        String p = plan.trim().toLowerCase(Locale.ROOT);
        return p.equals("business") || p.equals("enterprise");
    }

    private static void requirePositive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + n);
        }
    }
}
