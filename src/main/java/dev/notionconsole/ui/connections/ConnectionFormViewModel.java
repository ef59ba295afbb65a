package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.InstallationScope;
import dev.notionconsole.connections.ConnectionValidator;
import dev.notionconsole.connections.ConnectionValidator.Field;
import dev.notionconsole.connections.ConnectionValidator.Problem;
import dev.notionconsole.connections.RatePlan;
import dev.notionconsole.core.Secret;
import dev.notionconsole.notion.NotionVersion;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection form: editable fields the view binds to, validation per field (shown by the view next to the
 * field, computed here on focus loss and on save), and whether anything differs from what is saved. Secrets
 * are held here only while the form shows them; an empty secret field on an existing connection means "keep
 * the stored one".
 */
public final class ConnectionFormViewModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionKind> kind = new SimpleObjectProperty<>(ConnectionKind.INTERNAL);
    private final StringProperty baseUrl = new SimpleStringProperty(Connection.DEFAULT_BASE_URL);
    private final StringProperty notionVersion = new SimpleStringProperty(NotionVersion.LATEST);
    private final ObjectProperty<RatePlan> ratePlan = new SimpleObjectProperty<>(RatePlan.STANDARD);
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final StringProperty redirectUri = new SimpleStringProperty("");
    /** Public connections: which workspaces may install it, as the user says (the API does not tell); null = not recorded. */
    private final ObjectProperty<InstallationScope> installationScope = new SimpleObjectProperty<>();
    private final BooleanProperty tokenRevealed = new SimpleBooleanProperty(false);
    private final BooleanProperty clientSecretRevealed = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper publicKind = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper temporary = new ReadOnlyBooleanWrapper(false);
    private final Map<Field, ReadOnlyStringWrapper> messages = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyBooleanWrapper> blocking = new EnumMap<>(Field.class);

    private Connection original;
    private String loadedToken = "";
    private String loadedClientSecret = "";
    private boolean validatedOnce;

    public ConnectionFormViewModel() {
        for (Field f : Field.values()) {
            messages.put(f, new ReadOnlyStringWrapper(""));
            blocking.put(f, new ReadOnlyBooleanWrapper(false));
        }
        publicKind.bind(kind.isEqualTo(ConnectionKind.PUBLIC_OAUTH));
        for (Observable o : List.of(name, kind, baseUrl, notionVersion, ratePlan, notes, token, clientId, clientSecret, redirectUri,
                installationScope)) {
            o.addListener(x -> dirty.set(computeDirty()));
        }
        // a new public connection gets its fixed loopback redirect URI, port chosen once (docs/decisions/0050)
        kind.addListener((o, was, now) -> {
            if (now == ConnectionKind.PUBLIC_OAUTH && isNew.get() && redirectUri.get().isBlank()) {
                redirectUri.set(dev.notionconsole.oauth.RedirectUri.pickDefault().value());
            }
        });
    }

    /** Shows a saved connection with its stored secrets (loaded off the JavaFX thread by the caller). */
    public void load(Connection c, Secret storedToken, Secret storedClientSecret) {
        original = c;
        loadedToken = storedToken == null ? "" : storedToken.reveal();
        loadedClientSecret = storedClientSecret == null ? "" : storedClientSecret.reveal();
        isNew.set(c == null);
        temporary.set(c != null && c.temporary());
        Connection shown = c != null ? c : Connection.builder(ConnectionKind.INTERNAL).build();
        name.set(shown.name());
        kind.set(shown.kind());
        baseUrl.set(shown.baseUrl());
        notionVersion.set(shown.notionVersion());
        ratePlan.set(shown.ratePlan());
        notes.set(shown.notes());
        clientId.set(Objects.requireNonNullElse(shown.clientId(), ""));
        redirectUri.set(Objects.requireNonNullElse(shown.redirectUri(), ""));
        installationScope.set(shown.installationScope());
        token.set(loadedToken);
        clientSecret.set(loadedClientSecret);
        tokenRevealed.set(false);
        clientSecretRevealed.set(false);
        validatedOnce = false;
        clearMessages();
        dirty.set(computeDirty());
    }

    /** An empty form for a new connection of the given kind. */
    public void newDraft(ConnectionKind k, String suggestedBaseUrl) {
        load(null, null, null);
        kind.set(k);
        if (suggestedBaseUrl != null) {
            baseUrl.set(suggestedBaseUrl);
        }
        dirty.set(true);
    }

    /**
     * Checks every field; messages appear next to the fields. Warnings do not block.
     *
     * @return true when the form can be saved
     */
    public boolean validate(Collection<Connection> others) {
        validatedOnce = true;
        Connection draft = toConnection();
        boolean fixtureSecrets = draft.sandboxRef() != null && draft.isSandbox();
        List<Problem> problems = ConnectionValidator.validate(draft, others,
                !token.get().isBlank() || fixtureSecrets, !clientSecret.get().isBlank() || fixtureSecrets, NotionVersion.ALL);
        clearMessages();
        for (Problem p : problems) {
            if (messages.get(p.field()).get().isEmpty() || p.blocking()) {
                messages.get(p.field()).set(p.message());
                blocking.get(p.field()).set(p.blocking());
            }
        }
        return !ConnectionValidator.blocking(problems);
    }

    /** Re-validates after an edit once the user has seen the messages (so fixed fields clear at once). */
    public void revalidateIfShown(Collection<Connection> others) {
        if (validatedOnce) {
            validate(others);
        }
    }

    /** The definition the form describes, keeping what the form does not edit (checks, installations). */
    public Connection toConnection() {
        Connection.Builder b = original != null ? original.toBuilder() : Connection.builder(kind.get());
        return b.name(name.get()).kind(kind.get()).baseUrl(baseUrl.get()).notionVersion(notionVersion.get())
                .ratePlan(ratePlan.get()).notes(notes.get()).clientId(clientId.get()).redirectUri(redirectUri.get())
                .installationScope(installationScope.get()).build();
    }

    /** The token typed in, if it differs from the stored one; null otherwise. */
    public Secret changedToken() {
        return changed(token.get(), loadedToken);
    }

    public Secret changedClientSecret() {
        return changed(clientSecret.get(), loadedClientSecret);
    }

    private static Secret changed(String now, String loaded) {
        if (now == null || now.isBlank() || now.replaceAll("\\s+", "").equals(loaded)) {
            return null;
        }
        return Secret.of(now);
    }

    private boolean computeDirty() {
        if (original == null) {
            return true;
        }
        Connection now = toConnection();
        return !now.name().equals(original.name()) || now.kind() != original.kind()
                || !now.baseUrl().equals(original.baseUrl()) || !now.notionVersion().equals(original.notionVersion())
                || now.ratePlan() != original.ratePlan() || !now.notes().equals(original.notes())
                || !Objects.equals(now.clientId(), original.clientId()) || !Objects.equals(now.redirectUri(), original.redirectUri())
                || now.installationScope() != original.installationScope()
                || changedToken() != null || changedClientSecret() != null;
    }

    private void clearMessages() {
        messages.values().forEach(m -> m.set(""));
        blocking.values().forEach(b -> b.set(false));
    }

    public Connection original() {
        return original;
    }

    public StringProperty nameProperty() { return name; }
    public ObjectProperty<ConnectionKind> kindProperty() { return kind; }
    public StringProperty baseUrlProperty() { return baseUrl; }
    public StringProperty notionVersionProperty() { return notionVersion; }
    public ObjectProperty<RatePlan> ratePlanProperty() { return ratePlan; }
    public StringProperty notesProperty() { return notes; }
    public StringProperty tokenProperty() { return token; }
    public StringProperty clientIdProperty() { return clientId; }
    public StringProperty clientSecretProperty() { return clientSecret; }
    public StringProperty redirectUriProperty() { return redirectUri; }
    public ObjectProperty<InstallationScope> installationScopeProperty() { return installationScope; }
    public BooleanProperty tokenRevealedProperty() { return tokenRevealed; }
    public BooleanProperty clientSecretRevealedProperty() { return clientSecretRevealed; }
    public ReadOnlyBooleanProperty isNewProperty() { return isNew.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty publicKindProperty() { return publicKind.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty temporaryProperty() { return temporary.getReadOnlyProperty(); }

    /** The message for a field: empty, a blocking error, or a warning ({@link #blockingProperty}). */
    public ReadOnlyStringProperty messageProperty(Field f) {
        return messages.get(f).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty blockingProperty(Field f) {
        return blocking.get(f).getReadOnlyProperty();
    }
}
