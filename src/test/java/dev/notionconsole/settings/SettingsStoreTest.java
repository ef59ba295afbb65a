package dev.notionconsole.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstStartGivesDefaultsWithoutComplaint() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("settings.json")).load();
        assertEquals(AppSettings.defaults(), loaded.settings());
        assertNull(loaded.problem());
    }

    @Test
    void savedSettingsComeBack() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        AppSettings s = AppSettings.defaults().withTheme(Theme.DARK)
                .withWindow(new WindowBounds(40, 50, 1100, 700, true)).withWorkspace("request");
        store.save(s);
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("settings.json")).load();
        assertEquals(s, loaded.settings());
        assertNull(loaded.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"theme\": \"DARK\", \"window\": {\"x\": 1", "not json at all", "", "null",
            "{\"theme\": \"PURPLE\"}", "[1, 2, 3]"})
    void aDamagedFileIsSetAsideAndTheConsoleStartsWithDefaults(String content) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, content);

        SettingsStore.Loaded loaded = new SettingsStore(file).load();

        assertEquals(AppSettings.defaults(), loaded.settings());
        assertNotNull(loaded.problem());
        assertFalse(Files.exists(file), "the damaged file is moved away so the next save does not hit it");
        List<Path> aside;
        try (Stream<Path> s = Files.list(dir)) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("settings.json.corrupt-")).toList();
        }
        assertEquals(1, aside.size());
        assertEquals(content, Files.readString(aside.get(0)), "nothing the user had is lost");
        assertTrue(loaded.problem().contains(aside.get(0).getFileName().toString()), loaded.problem());
    }

    @Test
    void missingFieldsAndAnUnusableWindowFallBackToDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"window\": {\"x\": 0, \"y\": 0, \"width\": -5, \"height\": 0}, \"future\": 1}");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertNull(loaded.problem());
        assertEquals(Theme.LIGHT, loaded.settings().theme());
        assertNull(loaded.settings().window());
    }
}
