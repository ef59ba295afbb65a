package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A database view (docs/notion-api.md §2.5; SDK {@code views.ts} {@code DataSourceViewObjectResponse}): a named,
 * typed preset of filter, sorts, quick filters and layout configuration, scoped to one data source of its database.
 * Views are not blocks and have no permissions of their own: they are visible when their database is (decision 0067).
 * Guarded by the model lock.
 */
public final class View {
    /** The view types Notion accepts ({@code ViewTypeRequest}). */
    public static final List<String> TYPES = List.of("table", "board", "list", "calendar", "timeline", "gallery", "form", "chart", "map",
            "dashboard");

    private final String id;
    private final Database database;
    private final DataSource dataSource;
    private final String type;
    private String name;
    /** Null when unset; otherwise the filter as given (same shape as a data-source query filter). */
    private JsonNode filter;
    private JsonNode sorts;
    private JsonNode quickFilters;
    private JsonNode configuration;
    private Instant createdTime;
    private String createdBy;
    private Instant lastEditedTime;
    private String lastEditedBy;

    public View(String id, Database database, DataSource dataSource, String type, String name) {
        this.id = id;
        this.database = database;
        this.dataSource = dataSource;
        this.type = type;
        this.name = name;
    }

    public String id() {
        return id;
    }

    public Database database() {
        return database;
    }

    /** The data source the view shows; null only for dashboard views. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public JsonNode filter() {
        return filter;
    }

    public void setFilter(JsonNode filter) {
        this.filter = filter;
    }

    public JsonNode sorts() {
        return sorts;
    }

    public void setSorts(JsonNode sorts) {
        this.sorts = sorts;
    }

    public JsonNode quickFilters() {
        return quickFilters;
    }

    public void setQuickFilters(JsonNode quickFilters) {
        this.quickFilters = quickFilters;
    }

    public JsonNode configuration() {
        return configuration;
    }

    public void setConfiguration(JsonNode configuration) {
        this.configuration = configuration;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant lastEditedTime() {
        return lastEditedTime;
    }

    public String lastEditedBy() {
        return lastEditedBy;
    }

    public void setCreated(Instant time, String userId) {
        this.createdTime = time;
        this.createdBy = userId;
        touch(time, userId);
    }

    public void touch(Instant time, String userId) {
        this.lastEditedTime = time;
        this.lastEditedBy = userId;
    }
}
