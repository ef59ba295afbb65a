package dev.notionconsole.explorer;

import dev.notionconsole.notion.Wait;

/**
 * Where a map run is.
 *
 * @param phase              what it is doing
 * @param requestsDone       API calls so far (retries included)
 * @param requestsEstimated  the calls the run expects in all, revised as it learns (never below requestsDone)
 * @param objectsFound       readable objects found so far
 * @param restarts           search walks restarted after a cursor expired
  * @param currentWait             the wait the client is in (pacing, Retry-After, backoff) with its reason, or null
 */
public record MapProgress(Phase phase, int requestsDone, int requestsEstimated, int objectsFound, int restarts, Wait currentWait) {
    public enum Phase {
        IDENTITY("who the token is"), SEARCH_DATA_SOURCES("listing data sources"), SEARCH_PAGES("listing pages"),
        TRASH("listing trashed objects"), PLACING("placing objects under their parents"),
        REPROBING("re-checking objects that disappeared"), DONE("done");

        private final String phrase;

        Phase(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    /** "listing pages · 12/20 requests · 1,130 objects · Waiting 2 s: rate limited". */
    public String describe() {
        StringBuilder sb = new StringBuilder(phase.phrase()).append(" · ").append(requestsDone).append('/')
                .append(requestsEstimated).append(" requests · ").append(String.format("%,d", objectsFound)).append(" objects");
        if (restarts > 0) {
            sb.append(" · ").append(restarts).append(restarts == 1 ? " restart" : " restarts");
        }
        if (currentWait != null) {
            sb.append(" · ").append(currentWait.describe());
        }
        return sb.toString();
    }
}
