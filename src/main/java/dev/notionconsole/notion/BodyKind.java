package dev.notionconsole.notion;

/** What a response body turned out to be. */
public enum BodyKind {
    /** Parsed as JSON ({@link Exchange#json()} is set). */
    JSON,
    /** Bytes that are not JSON: an edge proxy's HTML page, plain text, or JSON cut short. */
    NON_JSON,
    /** No body at all. */
    EMPTY
}
