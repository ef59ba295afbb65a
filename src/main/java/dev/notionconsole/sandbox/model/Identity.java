package dev.notionconsole.sandbox.model;

/**
 * Who a bearer token acts as (docs/notion-api.md §5.1, 8 "Permissions"): the connection, the installation for public
 * connections, the workspace, the bot user, and for personal tokens and installs the person behind it.
 */
public record Identity(Connection connection, Installation installation, Workspace workspace, User bot, User person, String token) {

    public static Identity internal(Connection c, String token) {
        return new Identity(c, null, c.workspace(), c.bot(), null, token);
    }

    public static Identity personal(Connection c, String token) {
        return new Identity(c, null, c.workspace(), c.bot(), c.creator(), token);
    }

    public static Identity installed(Installation i, String token) {
        return new Identity(i.connection(), i, i.workspace(), i.bot(), i.user(), token);
    }

    public Connection.Kind kind() {
        return connection.kind();
    }

    public boolean has(Capability capability) {
        return connection.capabilities().contains(capability);
    }

    /** A key that identifies what this token can see, for the visibility cache. */
    public String principalKey() {
        return installation != null ? "install:" + bot.id() : connection.kind() == Connection.Kind.PERSONAL ? "user:" + person.id() : "bot:" + bot.id();
    }
}
