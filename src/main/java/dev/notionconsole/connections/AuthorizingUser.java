package dev.notionconsole.connections;

/**
 * The person a token acts for or was authorized by. Name and email are present only when the connection may
 * read user information (with email) (docs/notion-api.md §5.3).
 */
public record AuthorizingUser(String id, String name, String email) {
    public String display() {
        String who = name != null && !name.isBlank() ? name : id;
        return email != null && !email.isBlank() ? who + " <" + email + ">" : String.valueOf(who);
    }
}
