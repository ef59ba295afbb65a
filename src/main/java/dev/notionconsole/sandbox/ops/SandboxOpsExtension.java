package dev.notionconsole.sandbox.ops;

import dev.notionconsole.sandbox.SandboxContext;
import dev.notionconsole.sandbox.SandboxExtension;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.model.SearchCursorExpiry;
import dev.notionconsole.sandbox.model.SearchLag;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.sandbox.ops.cursors.SearchCursorGuard;
import dev.notionconsole.sandbox.ops.faults.FaultInjector;
import dev.notionconsole.sandbox.ops.faults.FaultRules;
import dev.notionconsole.sandbox.ops.generate.GeneratedFixture;
import dev.notionconsole.sandbox.ops.ratelimit.RateLimitPolicy;
import dev.notionconsole.sandbox.ops.ratelimit.RateLimitPreHandler;
import dev.notionconsole.sandbox.fixture.RateLimitSettings;
import dev.notionconsole.sandbox.ops.ratelimit.RateLimits;
import dev.notionconsole.sandbox.ops.state.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's operational parts, plugged into the core through {@link SandboxExtension} (registered in
 * META-INF/services, so every {@code SandboxServer.start} gets a fresh instance):
 * <ul>
 *   <li>model: the saved state ({@code --state FILE}, when the file exists), else a generated workspace
 *       ({@code --pages N --seed S}), else the fixture (the core loads it);</li>
 *   <li>pre-handlers, in this order: rate limits (decision 0030), then fault rules (decision 0034);</li>
 *   <li>post-handler: search cursors that expire, when the options or the fixture say so (decision 0072);</li>
 *   <li>on close: the state, when anything changed or the file does not exist yet (decision 0033).</li>
 * </ul>
 */
public final class SandboxOpsExtension implements SandboxExtension {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxOpsExtension.class);

    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile RateLimits rateLimits;
    private volatile FaultRules faultRules = FaultRules.none();

    @Override
    public SandboxModel loadModel(SandboxOptions options) throws IOException {
        Path state = options.stateFile();
        if (state != null && Files.exists(state)) {
            LOG.info("Sandbox: loading saved state from {}", state);
            return StateFile.load(state, options.clock());
        }
        if (options.generatedPages() != null) {
            return GeneratedFixture.load(options.generatedPages(), options.seed(), options.clock());
        }
        return null;
    }

    @Override
    public void install(SandboxContext context) {
        SandboxModel model = context.model();
        Router router = context.router();
        RateLimitPolicy policy = model.read(() -> policyFor(context.options(), model));
        rateLimits = new RateLimits(policy);
        router.addPreHandler(new RateLimitPreHandler(rateLimits));

        faultRules = model.read(() -> faultRulesOf(model));
        if (!faultRules.isEmpty()) {
            FaultInjector injector = new FaultInjector(faultRules);
            router.addPreHandler(injector);
            router.addPostHandler(injector);
            faultRules.rules().forEach(r -> LOG.info("Sandbox fault rule: {}", r.describe()));
        }
        SearchCursorExpiry expiry = context.options().searchCursorExpiry() != null ? context.options().searchCursorExpiry()
                : model.read(model::searchCursors);
        SearchCursorGuard.install(router, expiry, context.options().clock());
        Integer lag = context.options().searchLagSeconds();
        if (lag != null) {
            model.write(() -> {
                model.setSearchLag(lag == 0 ? SearchLag.OFF
                        : new SearchLag(java.time.Duration.ofSeconds(lag), null, context.options().clock().instant()));
                return null;
            });
        }
        if (context.options().stateFile() != null) {
            router.addResponseListener((call, status) -> {
                if (status < 400 && !"GET".equals(call.method()) && !"HEAD".equals(call.method())) {
                    dirty.set(true);
                }
            });
        }
    }

    @Override
    public void beforeClose(SandboxContext context) {
        Path state = context.options().stateFile();
        if (state == null || (!dirty.get() && Files.exists(state))) {
            return;
        }
        try {
            StateFile.save(context.model(), state);
            LOG.info("Sandbox: state saved to {}", state);
        } catch (IOException e) {
            LOG.error("Sandbox: could not save the state to {}: {}", state, e.getMessage());
        }
    }

    /** The rate limits in force (null before install). */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    public FaultRules faultRules() {
        return faultRules;
    }

    /** The options' {@code --rate-limit} on top of the fixture's {@code rate_limits}. Call under the model lock. */
    static RateLimitPolicy policyFor(SandboxOptions options, SandboxModel model) {
        RateLimitSettings settings = RateLimitSettings.parse(model.rateLimits(), "rate_limits", key -> true,
                new ArrayList<>());
        Set<String> blocked = new HashSet<>();
        settings.blocked().forEach(key -> blocked.add(Ids.fromKey(key)));
        RateLimitPolicy policy = RateLimitPolicy.defaults().withBlocked(blocked);
        if (settings.workspaceBudget().isPresent() || settings.workspaceWindowSeconds().isPresent()) {
            int window = settings.workspaceWindowSeconds().orElse((int) policy.workspaceWindow().toSeconds());
            policy = new RateLimitPolicy(true, policy.perMinuteOverride(), settings.workspaceBudget(),
                    Duration.ofSeconds(window), blocked);
        }
        if (options.rateLimitOff()) {
            policy = policy.withCommandLineValue("off");
        } else if (options.rateLimitPerMinute() != null) {
            policy = policy.withCommandLineValue(String.valueOf(options.rateLimitPerMinute()));
        }
        return policy;
    }

    private static FaultRules faultRulesOf(SandboxModel model) {
        List<String> problems = new ArrayList<>();
        FaultRules rules = FaultRules.parse(model.faults(), "faults", problems);
        if (!problems.isEmpty()) {
            // The loader validated them with the same reader; rules set on the model by code may not be
            throw new IllegalStateException("Invalid sandbox fault rules: " + String.join("; ", problems));
        }
        return rules;
    }
}
