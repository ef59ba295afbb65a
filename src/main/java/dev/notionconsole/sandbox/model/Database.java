package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A database: since 2025-09-03 a container of one or more data sources (docs/notion-api.md §2.4, 3.3). Its children
 * are its data sources. A wiki database's rows get a verification property and queries can return data sources.
 */
public final class Database extends Node {
    private ArrayNode title;
    private ArrayNode description;
    private boolean inline;
    private boolean wiki;
    private boolean locked;
    private JsonNode icon;
    private JsonNode cover;

    public Database(String id, Workspace workspace, ArrayNode title) {
        super(id, workspace);
        this.title = title;
        this.description = RichText.array();
    }

    @Override
    public Kind kind() {
        return Kind.DATABASE;
    }

    public List<DataSource> dataSources() {
        List<DataSource> out = new ArrayList<>();
        for (Node n : children()) {
            if (n instanceof DataSource ds) {
                out.add(ds);
            }
        }
        return out;
    }

    public List<DataSource> liveDataSources() {
        List<DataSource> out = new ArrayList<>();
        for (DataSource ds : dataSources()) {
            if (!ds.inTrash()) {
                out.add(ds);
            }
        }
        return out;
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

    public boolean inline() {
        return inline;
    }

    public void setInline(boolean inline) {
        this.inline = inline;
    }

    public boolean wiki() {
        return wiki;
    }

    public void setWiki(boolean wiki) {
        this.wiki = wiki;
    }

    public boolean locked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public JsonNode icon() {
        return icon;
    }

    public void setIcon(JsonNode icon) {
        this.icon = icon;
    }

    public JsonNode cover() {
        return cover;
    }

    public void setCover(JsonNode cover) {
        this.cover = cover;
    }

    @Override
    public String plainTitle() {
        return RichText.plain(title);
    }
}
