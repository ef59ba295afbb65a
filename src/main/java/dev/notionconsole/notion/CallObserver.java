package dev.notionconsole.notion;

/**
 * Hears about a call while it runs. Called on the thread that calls {@link NotionClient#send}; a UI must hop
 * to its own thread (the TaskRunner's progress callbacks already do).
 */
public interface CallObserver {
    /** Does nothing. */
    CallObserver NONE = new CallObserver() {
    };

    /** The client is about to wait (pacing, Retry-After, backoff). The wait can be cancelled. */
    default void onWait(Wait wait) {
    }

    /** An attempt got an answer that will be retried (the final answer is the returned {@link Exchange}). */
    default void onRetry(Exchange failedAttempt) {
    }
}
