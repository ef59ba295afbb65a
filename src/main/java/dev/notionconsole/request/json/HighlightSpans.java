package dev.notionconsole.request.json;

import java.util.Arrays;

/**
 * Highlight spans in a compact form (three int arrays rather than an object per token: a 10 MB body has
 * millions of tokens). Spans are sorted and do not overlap; text between them is plain.
 */
public final class HighlightSpans {
    private final int[] starts;
    private final int[] ends;
    private final byte[] kinds;
    private final int size;

    private HighlightSpans(int[] starts, int[] ends, byte[] kinds, int size) {
        this.starts = starts;
        this.ends = ends;
        this.kinds = kinds;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public JsonLexer.Kind kind(int i) {
        return JsonLexer.Kind.values()[kinds[i]];
    }

    /** True when the lexer hit a syntax error (the last span is then an ERROR span). */
    public boolean hasError() {
        return size > 0 && kind(size - 1) == JsonLexer.Kind.ERROR;
    }

    static final class Builder {
        private int[] starts;
        private int[] ends;
        private byte[] kinds;
        private int size;

        Builder(int capacity) {
            starts = new int[capacity];
            ends = new int[capacity];
            kinds = new byte[capacity];
        }

        void add(int start, int end, JsonLexer.Kind kind) {
            if (start < lastEnd() || end <= start) {
                return; // never overlap: a malformed token must not corrupt the style runs
            }
            if (size == starts.length) {
                int cap = size * 2;
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
                kinds = Arrays.copyOf(kinds, cap);
            }
            starts[size] = start;
            ends[size] = end;
            kinds[size] = (byte) kind.ordinal();
            size++;
        }

        int lastEnd() {
            return size == 0 ? 0 : ends[size - 1];
        }

        HighlightSpans build() {
            return new HighlightSpans(starts, ends, kinds, size);
        }
    }
}
