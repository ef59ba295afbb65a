package dev.notionconsole.sandbox.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A person (member, owner or guest) or a bot. People have page access: members and owners see every page in
 * the workspace except other people's private pages; guests see only the pages listed (and their descendants).
 */
public final class User {
    public enum Type { PERSON, BOT }

    public enum Role { OWNER, MEMBER, GUEST, BOT }

    private final String id;
    private final Type type;
    private final Workspace workspace;
    private String name;
    private String email;
    private String avatarUrl;
    private Role role;
    private boolean accessAll;
    private final Set<String> accessRoots = new LinkedHashSet<>();
    /** For bots: the connection it acts for. */
    private Connection connection;
    /** For bots of public connections: the installation. */
    private Installation installation;

    public User(String id, Type type, Workspace workspace, String name, String email, String avatarUrl, Role role) {
        this.id = id;
        this.type = type;
        this.workspace = workspace;
        this.name = name;
        this.email = email;
        this.avatarUrl = avatarUrl;
        this.role = role;
    }

    public String id() {
        return id;
    }

    public Type type() {
        return type;
    }

    public boolean isBot() {
        return type == Type.BOT;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public Role role() {
        return role;
    }

    public boolean isGuest() {
        return role == Role.GUEST;
    }

    public boolean accessAll() {
        return accessAll;
    }

    public void setAccessAll(boolean accessAll) {
        this.accessAll = accessAll;
    }

    /** Pages/databases this user was given access to (for guests; members see everything but others' private pages). */
    public Set<String> accessRoots() {
        return accessRoots;
    }

    public Connection connection() {
        return connection;
    }

    public Installation installation() {
        return installation;
    }

    void bindBot(Connection connection, Installation installation) {
        this.connection = connection;
        this.installation = installation;
    }

    @Override
    public String toString() {
        return "User[" + id + " " + name + "]";
    }
}
