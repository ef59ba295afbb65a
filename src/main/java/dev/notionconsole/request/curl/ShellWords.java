package dev.notionconsole.request.curl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a pasted shell command into words the way a POSIX shell would for the quoting people use with
 * cURL: single and double quotes, {@code $'...'} (Chrome's "Copy as cURL"), backslash escapes and line
 * continuations ({@code \} for sh, {@code ^} for cmd, {@code `} for PowerShell).
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        String s = command;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isContinuation(s, i)) {
                i = skipNewline(s, i + 1);
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("A single quote (') is not closed.");
                }
                cur.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '\'') {
                i = ansiC(s, i + 2, cur);
            } else if (c == '"') {
                i = doubleQuoted(s, i + 1, cur);
            } else if (c == '\\' && i + 1 < n) {
                cur.append(s.charAt(i + 1));
                i += 2;
            } else {
                cur.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    private static boolean isContinuation(String s, int i) {
        char c = s.charAt(i);
        if (c != '\\' && c != '^' && c != '`') {
            return false;
        }
        int j = i + 1;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t') && c != '\\') {
            j++; // cmd and PowerShell users often leave trailing blanks after the caret or backtick
        }
        return j < s.length() && (s.charAt(j) == '\n' || s.charAt(j) == '\r');
    }

    private static int skipNewline(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private static int doubleQuoted(String s, int i, StringBuilder cur) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                char next = s.charAt(i + 1);
                if (next == '\n') {
                    i += 2;
                    continue;
                }
                if (next == '"' || next == '\\' || next == '$' || next == '`') {
                    cur.append(next);
                    i += 2;
                    continue;
                }
            }
            cur.append(c);
            i++;
        }
        throw new IllegalArgumentException("A double quote (\") is not closed.");
    }

    private static int ansiC(String s, int i, StringBuilder cur) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                char e = s.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> cur.append('\n');
                    case 't' -> cur.append('\t');
                    case 'r' -> cur.append('\r');
                    case '0' -> cur.append('\0');
                    case 'x' -> {
                        int end = hexEnd(s, i, 2);
                        cur.append((char) Integer.parseInt(s.substring(i, end), 16));
                        i = end;
                    }
                    case 'u' -> {
                        int end = hexEnd(s, i, 4);
                        cur.append((char) Integer.parseInt(s.substring(i, end), 16));
                        i = end;
                    }
                    default -> cur.append(e);
                }
                continue;
            }
            cur.append(c);
            i++;
        }
        throw new IllegalArgumentException("A $'...' string is not closed.");
    }

    private static int hexEnd(String s, int i, int max) {
        int j = i;
        while (j < s.length() && j - i < max && Character.digit(s.charAt(j), 16) >= 0) {
            j++;
        }
        if (j == i) {
            throw new IllegalArgumentException("Bad escape in a $'...' string.");
        }
        return j;
    }

    /** Quotes a word for sh: single quotes, with embedded single quotes written as '\''. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_./:=@%+,".indexOf(ch) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
