package dev.notionconsole.sandbox.model;

/** A workspace's custom emoji (notion-api.md 2.5; SDK {@code CustomEmojiResponse}). */
public record CustomEmoji(String id, String name, String url) {
}
