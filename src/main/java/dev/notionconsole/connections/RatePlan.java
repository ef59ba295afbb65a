package dev.notionconsole.connections;

/** Requests per minute the console paces a connection to (docs/notion-api.md §4.5). */
public enum RatePlan {
    /** Free, Plus: an average of 3 requests per second. */
    STANDARD(180),
    /** Business, Enterprise. */
    BUSINESS(600);

    private final int perMinute;

    RatePlan(int perMinute) {
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    public static RatePlan ofPerMinute(int perMinute) {
        return perMinute >= BUSINESS.perMinute ? BUSINESS : STANDARD;
    }

    public String label() {
        return perMinute + " requests/min" + (this == BUSINESS ? " (Business, Enterprise)" : " (Free, Plus)");
    }
}
