package dev.notionconsole.settings;

/** The console's two colour themes (docs/decisions/0004-theme.md). */
public enum Theme {
    LIGHT, DARK;

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
