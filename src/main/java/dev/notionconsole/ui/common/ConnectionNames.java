package dev.notionconsole.ui.common;

import dev.notionconsole.connections.Connection;
import javafx.util.StringConverter;

/** How a connection reads in a choice box: its name (one converter for every connection picker of a section). */
public final class ConnectionNames {
    private static final StringConverter<Connection> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(Connection c) {
            return c == null ? "" : c.name();
        }

        @Override
        public Connection fromString(String s) {
            return null; // the boxes are not editable
        }
    };

    private ConnectionNames() {
    }

    public static StringConverter<Connection> converter() {
        return CONVERTER;
    }
}
