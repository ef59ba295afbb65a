package dev.notionconsole.sandbox.model;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A public connection installed by one user in one workspace (docs/notion-api.md §2.10, 5.1): its own bot, and the
 * pages that user picked. It sees the picked pages and their descendants, as far as the user can see them.
 */
public final class Installation {
    private final Connection connection;
    private final Workspace workspace;
    private final User user;
    private final User bot;
    private final Set<String> pickedPages = new LinkedHashSet<>();
    private final Instant createdAt;
    private String duplicatedTemplateId;

    public Installation(Connection connection, Workspace workspace, User user, User bot, Instant createdAt) {
        this.connection = connection;
        this.workspace = workspace;
        this.user = user;
        this.bot = bot;
        this.createdAt = createdAt;
        bot.bindBot(connection, this);
    }

    public Connection connection() {
        return connection;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The user who authorized it (owner.user of its tokens). */
    public User user() {
        return user;
    }

    /** Its bot; {@code bot().id()} is the bot_id, the recommended primary key of an install. */
    public User bot() {
        return bot;
    }

    public Set<String> pickedPages() {
        return pickedPages;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String duplicatedTemplateId() {
        return duplicatedTemplateId;
    }

    public void setDuplicatedTemplateId(String id) {
        this.duplicatedTemplateId = id;
    }
}
