package dev.notionconsole.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.core.json.JsonFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} in the config folder. A file that cannot be read is moved aside and
 * the console starts with defaults and says so: a broken settings file never stops the app from starting.
 * Blocking I/O: call off the JavaFX thread (the app loads in {@code Application.init}).
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** What loading found; {@code problem} is a sentence for the user, or null when all was well. */
    public record Loaded(AppSettings settings, String problem) {
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        JsonNode tree;
        try {
            tree = JsonFiles.readTree(file, true);
        } catch (NoSuchFileException e) {
            return new Loaded(AppSettings.defaults(), null);
        } catch (JsonFiles.Unreadable e) {
            return quarantine(e.reason());
        }
        try {
            if (!tree.isObject()) {
                return quarantine("it does not hold a JSON object");
            }
            return new Loaded(Json.mapper().treeToValue(tree, AppSettings.class).normalized(), null);
        } catch (IOException | RuntimeException e) {
            return quarantine(JsonFiles.describe(e, true));
        }
    }

    private Loaded quarantine(String why) {
        LOG.warn("Settings file {} is not valid: {}", file, why);
        try {
            Path aside = AtomicFiles.quarantine(file);
            return new Loaded(AppSettings.defaults(), "The settings file was damaged (" + why + ") and has been set aside as "
                    + aside.getFileName() + "; the console started with default settings.");
        } catch (IOException e) {
            LOG.warn("Could not move {} aside", file, e);
            return new Loaded(AppSettings.defaults(), "The settings file " + file
                    + " is damaged and could not be moved aside; default settings are used for now.");
        }
    }

    public void save(AppSettings settings) throws IOException {
        AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(settings));
    }
}
