package dev.notionconsole.notion;

/**
 * The capabilities a connection can be given in Notion (docs/notion-api.md §5.3). The API has no call that lists a
 * token's capabilities, so the console learns them from what it observes.
 */
public enum Capability {
    READ_CONTENT("Read content"),
    UPDATE_CONTENT("Update content"),
    INSERT_CONTENT("Insert content"),
    READ_COMMENTS("Read comments"),
    INSERT_COMMENTS("Insert comments"),
    USER_INFO("Read user information"),
    USER_EMAIL("Read user email addresses");

    private final String label;

    Capability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
