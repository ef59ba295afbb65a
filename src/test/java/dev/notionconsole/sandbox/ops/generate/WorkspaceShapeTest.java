package dev.notionconsole.sandbox.ops.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceShapeTest {
    /** Records everything and checks that every parent comes before its children. */
    static final class Recorder implements WorkspaceShape.Sink {
        final MessageDigest digest;
        final Set<String> known = new HashSet<>();
        final Set<String> dataSources = new HashSet<>();
        final Map<String, Integer> rowsPerSource = new HashMap<>();
        int pages;

        Recorder() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        private void add(String id, String line) {
            assertTrue(known.add(id), "duplicate id " + id);
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void page(String id, String parentId, String title, int depth) {
            assertTrue(parentId == null || known.contains(parentId), "parent first");
            assertTrue(!title.isBlank());
            pages++;
            add(id, "p" + id + parentId + title + depth);
        }

        @Override
        public void database(String id, String dataSourceId, String parentPageId, String title) {
            assertTrue(parentPageId == null || known.contains(parentPageId));
            add(id, "d" + id + dataSourceId + parentPageId + title);
            add(dataSourceId, "s");
            dataSources.add(dataSourceId);
        }

        @Override
        public void row(String id, String dataSourceId, String title, String status, int estimate) {
            assertTrue(dataSources.contains(dataSourceId));
            pages++;
            rowsPerSource.merge(dataSourceId, 1, Integer::sum);
            add(id, "r" + id + dataSourceId + title + status + estimate);
        }

        String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    @Test
    void hundredThousandPagesWithRealisticFanOutAndDepth() throws Exception {
        Recorder r = new Recorder();
        WorkspaceShape.Summary s = new WorkspaceShape(100_000, 42).generate(r);
        assertEquals(100_000, r.pages);
        assertEquals(100_000, s.pages());
        assertEquals(s.treePages() + s.rows(), s.pages());
        assertEquals(40_000, s.treePages());
        assertEquals(150, s.databases());
        assertEquals(s.databases(), r.rowsPerSource.size());
        assertTrue(s.maxDepth() >= 12 && s.maxDepth() <= WorkspaceShape.MAX_DEPTH, "depth " + s.maxDepth());
        assertTrue(s.maxFanOut() >= 20, "some pages have many children: " + s.maxFanOut());
        assertTrue(s.largestDatabase() >= 2_000, "a few big databases: " + s.largestDatabase());
        assertTrue(r.rowsPerSource.values().stream().anyMatch(n -> n < 150), "and many small ones");
    }

    @Test
    void sameSeedSameWorkspaceOtherSeedOtherWorkspace() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder c = new Recorder();
        new WorkspaceShape(5_000, 7).generate(a);
        new WorkspaceShape(5_000, 7).generate(b);
        new WorkspaceShape(5_000, 8).generate(c);
        String ha = a.hash();
        assertEquals(ha, b.hash());
        assertNotEquals(ha, c.hash());
    }

    @Test
    void idsAreDashedLowercaseUuids() {
        String id = new WorkspaceShape(10, 1).id(0);
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
    }

    @Test
    void refusesSizesOutOfRangeWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkspaceShape(3, 1));
        assertEquals("--pages must be from 10 to 5000000, not 3", e.getMessage());
    }
}
