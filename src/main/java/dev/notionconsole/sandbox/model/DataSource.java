package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A data source: the schema and rows of a database (docs/notion-api.md §2.4, 3.4). Its parent is always its database;
 * its children are its rows (pages) and, in a wiki, nested databases. It has no permissions of its own.
 */
public final class DataSource extends Node {
    /** A template offered by the templates endpoint. */
    public record Template(String id, String name, boolean isDefault) {
    }

    private ArrayNode title;
    private ArrayNode description;
    /** Schema keyed by property name: {id, name, description, type, <type>: {...}}. */
    private ObjectNode properties;
    private JsonNode icon;
    private final List<Template> templates = new ArrayList<>();

    public DataSource(String id, Workspace workspace, ArrayNode title, ObjectNode properties) {
        super(id, workspace);
        this.title = title;
        this.properties = properties;
        this.description = RichText.array();
    }

    @Override
    public Kind kind() {
        return Kind.DATA_SOURCE;
    }

    public Database database() {
        return (Database) parent();
    }

    public ArrayNode title() {
        return title;
    }

    public void setTitle(ArrayNode title) {
        this.title = title;
    }

    public ArrayNode description() {
        return description;
    }

    public void setDescription(ArrayNode description) {
        this.description = description;
    }

    public ObjectNode properties() {
        return properties;
    }

    public void setProperties(ObjectNode properties) {
        this.properties = properties;
    }

    public JsonNode icon() {
        return icon;
    }

    public void setIcon(JsonNode icon) {
        this.icon = icon;
    }

    public List<Template> templates() {
        return templates;
    }

    /** The name of the title property of the schema. */
    public String titlePropertyName() {
        var it = properties.fields();
        while (it.hasNext()) {
            var e = it.next();
            if ("title".equals(e.getValue().path("type").asText())) {
                return e.getKey();
            }
        }
        return "Name";
    }

    @Override
    public String plainTitle() {
        return RichText.plain(title);
    }
}
