package dev.notionconsole.sandbox.model;

/** A workspace's custom emoji (docs/notion-api.md §2.5; SDK {@code CustomEmojiResponse}). */
public record CustomEmoji(String id, String name, String url) {
}
