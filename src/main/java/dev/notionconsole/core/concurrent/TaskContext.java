package dev.notionconsole.core.concurrent;

/** What a piece of background work sees of its task: cancellation and a way to report progress. */
public interface TaskContext {
    CancellationToken cancellation();

    /**
     * Reports progress.
     *
     * @param fraction 0..1, or a negative number when the amount of work is unknown
     * @param message what is happening now, e.g. "Waiting 12 s: rate limited"
     */
    void progress(double fraction, String message);

    default boolean isCancelled() {
        return cancellation().isCancelled();
    }

    /** A context for work run outside any runner (command line, benchmarks). */
    static TaskContext detached() {
        return of(new CancellationToken(), (fraction, message) -> { });
    }

    /** Progress reporting as a function. */
    @FunctionalInterface
    interface ProgressSink {
        void progress(double fraction, String message);
    }

    /** A context over this token that reports progress to {@code sink}. */
    static TaskContext of(CancellationToken token, ProgressSink sink) {
        return new TaskContext() {
            @Override
            public CancellationToken cancellation() {
                return token;
            }

            @Override
            public void progress(double fraction, String message) {
                sink.progress(fraction, message);
            }
        };
    }
}
