package dev.notionconsole.request;

import java.util.Objects;

/** A header or query parameter as the user typed it (order and duplicates are kept). */
public record NameValue(String name, String value) {
    public NameValue {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }
}
