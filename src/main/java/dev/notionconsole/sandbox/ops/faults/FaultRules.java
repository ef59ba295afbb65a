package dev.notionconsole.sandbox.ops.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.sandbox.fixture.FaultRule;
import dev.notionconsole.sandbox.fixture.FaultRuleFormat;
import dev.notionconsole.sandbox.fixture.FaultVariant;
import java.util.List;
import java.util.Optional;

/**
 * The fault rules of a sandbox in force: the fixture's {@code faults} (read by {@link FaultRuleFormat}) matched
 * against requests in fixture order; the first rule that matches and has firings left wins. Thread-safe:
 * counting and matching happen under one lock.
 */
public final class FaultRules {

    private final List<FaultRule> rules;
    private final int[] seen;
    private final int[] fired;

    private FaultRules(List<FaultRule> rules) {
        this.rules = List.copyOf(rules);
        this.seen = new int[rules.size()];
        this.fired = new int[rules.size()];
    }

    public static FaultRules none() {
        return new FaultRules(List.of());
    }

    public static FaultRules of(List<FaultRule> rules) {
        return new FaultRules(rules);
    }

    /**
     * Parses a {@code faults} array ({@link FaultRuleFormat#parse}).
     *
     * @return the valid rules (the caller refuses the fixture when problems is not empty)
     */
    public static FaultRules parse(JsonNode array, String at, List<String> problems) {
        return new FaultRules(FaultRuleFormat.parse(array, at, problems));
    }

    /**
     * The rule that answers this request instead of its handler (or, with status 0, only delays it), counting
     * it as fired. Rules with body saved_timeout are never returned here.
     */
    public Optional<FaultRule> before(String method, String path, String connectionName) {
        return match(method, path, connectionName, false);
    }

    /** The saved_timeout rule for a write that has just succeeded, counting it as fired. */
    public Optional<FaultRule> afterCommit(String method, String path, String connectionName) {
        return match(method, path, connectionName, true);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public List<FaultRule> rules() {
        return rules;
    }

    private synchronized Optional<FaultRule> match(String method, String path, String connection, boolean saved) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule r = rules.get(i);
            if ((r.variant() == FaultVariant.SAVED_TIMEOUT) != saved || !r.matches(method, path, connection)) {
                continue;
            }
            seen[i]++;
            if (seen[i] > r.skip() && fired[i] < r.times()) {
                fired[i]++;
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
