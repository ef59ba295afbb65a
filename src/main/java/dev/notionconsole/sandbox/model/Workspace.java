package dev.notionconsole.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A workspace: its plan decides the rate budget (docs/notion-api.md §4.5); its top-level pages and databases are kept in order. */
public final class Workspace {
    public enum Plan {
        FREE(180), PLUS(180), BUSINESS(600), ENTERPRISE(600);

        private final int ratePerMinute;

        Plan(int ratePerMinute) {
            this.ratePerMinute = ratePerMinute;
        }

        /** Requests per connection per 60-second window. */
        public int ratePerMinute() {
            return ratePerMinute;
        }

        /**
         * The largest file an upload may hold: 5 MiB on Free, 5 GiB on paid plans (docs/notion-api.md §2.9; reported by
         * /users/me as workspace_limits.max_file_upload_size_in_bytes and enforced by the file upload routes).
         */
        public long maxFileUploadBytes() {
            return this == FREE ? 5L * 1024 * 1024 : 5L * 1024 * 1024 * 1024;
        }
    }

    private final String id;
    private final String key;
    private String name;
    private Plan plan;
    private String icon;
    private final List<Node> topLevel = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<CustomEmoji> customEmojis = new ArrayList<>();

    public Workspace(String key, String name, Plan plan, String icon) {
        this.key = key;
        this.id = Ids.fromKey(key);
        this.name = name;
        this.plan = plan;
        this.icon = icon;
    }

    public String id() {
        return id;
    }

    /** The key the fixture used for it (may equal the id). */
    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Plan plan() {
        return plan;
    }

    public void setPlan(Plan plan) {
        this.plan = plan;
    }

    public String icon() {
        return icon;
    }

    /** Workspace-level pages and databases, in order. Guarded by the model lock. */
    public List<Node> topLevel() {
        return topLevel;
    }

    /** People (members, guests) and bots of this workspace. */
    public List<User> users() {
        return users;
    }

    /** The workspace's custom emojis, in upload order (docs/notion-api.md §2.5). Guarded by the model lock. */
    public List<CustomEmoji> customEmojis() {
        return customEmojis;
    }
}
