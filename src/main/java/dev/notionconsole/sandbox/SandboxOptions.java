package dev.notionconsole.sandbox;

import dev.notionconsole.sandbox.model.SearchCursorExpiry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a sandbox. Immutable; build with {@link #builder()}. Fields other helpers act on (generated pages,
 * rate limit, state file) are carried here and read by their {@link SandboxExtension}s.
 */
public final class SandboxOptions {
    /** Default code for an unknown Notion-Version value: the real code was never captured (decision 0021). */
    public static final String DEFAULT_UNKNOWN_VERSION_CODE = "validation_error";

    private final int port;
    private final Path fixture;
    private final Integer generatedPages;
    private final long seed;
    private final Integer rateLimitPerMinute;
    private final boolean rateLimitOff;
    private final Path stateFile;
    private final Clock clock;
    private final String unknownVersionCode;
    private final int threads;
    private final List<SandboxExtension> extensions;
    private final boolean discoverExtensions;
    private final SearchCursorExpiry searchCursorExpiry;
    private final Integer searchLagSeconds;

    private SandboxOptions(Builder b) {
        this.port = b.port;
        this.fixture = b.fixture;
        this.generatedPages = b.generatedPages;
        this.seed = b.seed;
        this.rateLimitPerMinute = b.rateLimitPerMinute;
        this.rateLimitOff = b.rateLimitOff;
        this.stateFile = b.stateFile;
        this.clock = b.clock;
        this.unknownVersionCode = b.unknownVersionCode;
        this.threads = b.threads;
        this.extensions = List.copyOf(b.extensions);
        this.discoverExtensions = b.discoverExtensions;
        this.searchCursorExpiry = b.searchCursorExpiry;
        this.searchLagSeconds = b.searchLagSeconds;
    }

    public static SandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.fixture = fixture;
        b.generatedPages = generatedPages;
        b.seed = seed;
        b.rateLimitPerMinute = rateLimitPerMinute;
        b.rateLimitOff = rateLimitOff;
        b.stateFile = stateFile;
        b.clock = clock;
        b.unknownVersionCode = unknownVersionCode;
        b.threads = threads;
        b.extensions.addAll(extensions);
        b.discoverExtensions = discoverExtensions;
        b.searchCursorExpiry = searchCursorExpiry;
        b.searchLagSeconds = searchLagSeconds;
        return b;
    }

    /** TCP port on 127.0.0.1; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** A fixture file, or null for the default fixture in the jar. */
    public Path fixture() {
        return fixture;
    }

    /** Pages to generate instead of loading a fixture (sandbox-ops' generator), or null. */
    public Integer generatedPages() {
        return generatedPages;
    }

    public long seed() {
        return seed;
    }

    /** Override of the per-connection budget per minute; null: the workspace plan's (180 or 600). */
    public Integer rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public boolean rateLimitOff() {
        return rateLimitOff;
    }

    /** Where mutations are saved on close and loaded on start, or null. */
    public Path stateFile() {
        return stateFile;
    }

    public Clock clock() {
        return clock;
    }

    public String unknownVersionCode() {
        return unknownVersionCode;
    }

    /** Threads serving requests. */
    public int threads() {
        return threads;
    }

    public List<SandboxExtension> extensions() {
        return extensions;
    }

    /** Whether extensions listed in META-INF/services/dev.notionconsole.sandbox.SandboxExtension are installed too. */
    public boolean discoverExtensions() {
        return discoverExtensions;
    }

    /** When search cursors expire (off by default; overrides the fixture's {@code search_cursors}), or null for the fixture's. */
    public SearchCursorExpiry searchCursorExpiry() {
        return searchCursorExpiry;
    }

    /**
     * Search's index lag in seconds for every object not shared directly (overrides the fixture's {@code search_lag};
     * 0 turns it off), or null for the fixture's. See {@link dev.notionconsole.sandbox.model.SearchLag}.
     */
    public Integer searchLagSeconds() {
        return searchLagSeconds;
    }

    public static final class Builder {
        private int port;
        private Path fixture;
        private Integer generatedPages;
        private long seed = 1;
        private Integer rateLimitPerMinute;
        private boolean rateLimitOff;
        private Path stateFile;
        private Clock clock = Clock.systemUTC();
        private String unknownVersionCode = DEFAULT_UNKNOWN_VERSION_CODE;
        private int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        private final List<SandboxExtension> extensions = new ArrayList<>();
        private boolean discoverExtensions = true;
        private SearchCursorExpiry searchCursorExpiry;
        private Integer searchLagSeconds;

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder fixture(Path fixture) {
            this.fixture = fixture;
            return this;
        }

        public Builder generatedPages(Integer pages, long seed) {
            this.generatedPages = pages;
            this.seed = seed;
            return this;
        }

        public Builder rateLimitPerMinute(Integer perMinute) {
            this.rateLimitPerMinute = perMinute;
            this.rateLimitOff = false;
            return this;
        }

        public Builder rateLimitOff() {
            this.rateLimitOff = true;
            this.rateLimitPerMinute = null;
            return this;
        }

        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder unknownVersionCode(String code) {
            this.unknownVersionCode = code;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public Builder extension(SandboxExtension extension) {
            this.extensions.add(extension);
            return this;
        }

        public Builder discoverExtensions(boolean discover) {
            this.discoverExtensions = discover;
            return this;
        }

        /** Search cursors expire (explorer-diagnostics.md §0.2); {@link SearchCursorExpiry#OFF} turns off the fixture's too. */
        public Builder searchCursorExpiry(SearchCursorExpiry expiry) {
            this.searchCursorExpiry = expiry;
            return this;
        }

        /** Objects not shared directly stay out of search this long after start (docs/notion-api.md §2.6); 0: no lag. */
        public Builder searchLagSeconds(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("the search lag must be 0 (off) or a number of seconds, not " + seconds);
            }
            this.searchLagSeconds = seconds;
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(this);
        }
    }
}
